/* test-store-server.c: the store's operations that run on both backends —
 * enterprises, assessments, answers with their history, undo and redo,
 * report texts and park members — each case run on an SQLite file and,
 * when GA_TEST_PG_URI names a server, on PostgreSQL
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On PostgreSQL each case gets a schema of its own (the connection's
 * search_path points at it), in which ga_store_open() installs the store's
 * tables, and which is dropped afterwards. The meson test store-server-pg
 * runs this program through tests/pg/pg-test.sh, which starts a throwaway
 * cluster and sets GA_TEST_PG_URI.
 */
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ga-store.h"
#include "ga-store-engine.h"
#include "ga-db.h"

#define VALID_CODE   "91350100M000100Y43"
#define VALID_CODE_2 "91110000100000000R"

typedef struct {
  gboolean    server;
  const char *pg_uri;
} Backend;

typedef struct {
  const Backend *backend;
  char          *dir;      /* SQLite: the folder of the file */
  char          *schema;   /* PostgreSQL: the schema of the case */
  char          *target;   /* what ga_store_open() is given */
  GaStore       *store;
} Fixture;

static guint schema_counter;

static void
pg_exec (const char *uri,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaDb) db = ga_db_open (uri, &error);

  g_assert_no_error (error);
  g_assert_true (ga_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->backend = data;
  if (fx->backend->server)
    {
      g_autofree char *sql = NULL;

      fx->schema = g_strdup_printf ("ga_store_%d_%u", (int) getpid (), ++schema_counter);
      sql = g_strdup_printf ("CREATE SCHEMA %s", fx->schema);
      pg_exec (fx->backend->pg_uri, sql);
      /* libpq reads options=-csearch_path=… as a setting of the session. */
      fx->target = g_strdup_printf ("%s%coptions=-csearch_path%%3D%s", fx->backend->pg_uri,
                                    strchr (fx->backend->pg_uri, '?') != NULL ? '&' : '?',
                                    fx->schema);
    }
  else
    {
      fx->dir = g_dir_make_tmp ("ga-store-server-XXXXXX", &error);
      g_assert_no_error (error);
      fx->target = g_build_filename (fx->dir, "store.db", NULL);
    }
  fx->store = ga_store_open (fx->target, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
  ga_store_set_author (fx->store, "陈某");
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  if (fx->schema != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SET client_min_messages = warning;"
                                              " DROP SCHEMA %s CASCADE", fx->schema);

      pg_exec (fx->backend->pg_uri, sql);
    }
  if (fx->dir != NULL)
    {
      g_autofree char *wal = g_strconcat (fx->target, "-wal", NULL);
      g_autofree char *shm = g_strconcat (fx->target, "-shm", NULL);

      g_unlink (fx->target);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (fx->dir);
    }
  g_free (fx->dir);
  g_free (fx->schema);
  g_free (fx->target);
}

static GaEnterprise *
make_enterprise (const char *name,
                 const char *code)
{
  GaEnterprise *e = ga_enterprise_new ();

  e->name = g_strdup (name);
  e->credit_code = g_strdup (code);
  e->industry = g_strdup ("C34");
  e->address = g_strdup ("福州市闽侯县");
  /* Figures whose every bit must come back: 0.1 + 0.2 is not 0.3. */
  e->output_value = 0.1 + 0.2;
  e->value_added = 1e-300;
  e->employees = 0;
  e->registered_capital = 5000;
  e->founded_on = g_strdup ("2008-05-12");
  e->valid_until = g_strdup ("long-term");
  e->contact_phone = g_strdup ("0591-8888 0001");
  e->contact_email = g_strdup ("energy@example.cn");
  e->profile = g_strdup ("主营通用机械零部件的设计与制造。");
  return e;
}

static gint64
add_assessment (Fixture    *fx,
                gint64      enterprise_id,
                const char *title,
                int         year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"id\": \"server\"}", 16);
  gint64 id;

  id = ga_store_new_assessment_from_bytes (fx->store, enterprise_id, "server", "1.0.0",
                                           "green-factory", bytes, title, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_enterprises (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) in = make_enterprise ("闽江绿源机械制造有限公司", VALID_CODE);
  g_autoptr(GaEnterprise) other = make_enterprise ("A 北京样例", VALID_CODE_2);
  g_autoptr(GaEnterprise) got = NULL;
  g_autoptr(GaEnterprise) found = NULL;
  g_autoptr(GaEnterprise) dup = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id, id2;

  id = ga_store_add_enterprise (fx->store, in, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  got = ga_store_get_enterprise (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, in->name);
  g_assert_cmpstr (got->credit_code, ==, VALID_CODE);
  /* Stored as the canonical division code: C34 is division 34. */
  g_assert_cmpstr (got->industry, ==, "34");
  /* Characters 3 to 8 of the code are 350100, in Fujian (35). */
  g_assert_nonnull (got->region);
  g_assert_true (g_str_has_prefix (got->region, "35"));
  g_assert_true (got->output_value == 0.1 + 0.2);
  g_assert_true (got->value_added == 1e-300);
  g_assert_cmpint (got->employees, ==, 0);
  g_assert_true (got->registered_capital == 5000);
  g_assert_cmpstr (got->valid_until, ==, "long-term");
  g_assert_cmpstr (got->profile, ==, in->profile);
  g_assert_null (got->fax);
  g_assert_cmpint (got->kind, ==, GA_ENTERPRISE_FACTORY);
  g_assert_nonnull (got->uuid);
  g_assert_cmpstr (got->created_at, ==, got->updated_at);

  /* Looked up by its code as a user may type it: lower case. */
  found = ga_store_find_enterprise (fx->store, "91350100m000100y43", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, id);

  /* The same code twice is refused, naming the enterprise that has it. */
  dup = make_enterprise ("Another", VALID_CODE);
  g_assert_cmpint (ga_store_add_enterprise (fx->store, dup, &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, in->name));
  g_clear_error (&error);

  /* An update changes what it says and clears what it leaves out: NaN is
   * no figure (NULL), -1 no head count. */
  g_free (got->name);
  got->name = g_strdup ("闽江绿源机械");
  got->output_value = NAN;
  got->employees = -1;
  g_assert_true (ga_store_update_enterprise (fx->store, got, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, ga_enterprise_free);
  found = ga_store_get_enterprise (fx->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, "闽江绿源机械");
  g_assert_true (isnan (found->output_value));
  g_assert_cmpint (found->employees, ==, -1);
  g_assert_cmpstr (found->created_at, ==, got->created_at);
  g_assert_cmpstr (found->updated_at, >=, got->updated_at);

  /* An enterprise that is not there (with a code no other one has). */
  got->id = id + 1000;
  g_free (got->credit_code);
  got->credit_code = g_strdup (VALID_CODE_2);
  g_assert_false (ga_store_update_enterprise (fx->store, got, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A rule only the database knows (the UUID is unique) is reported as
   * the store's "breaks a rule" on both, the transaction is rolled back,
   * and the connection goes on working. */
  {
    g_autoptr(GaEnterprise) twin = make_enterprise ("Twin", VALID_CODE_2);

    twin->uuid = g_strdup (found->uuid);
    g_assert_cmpint (ga_store_add_enterprise (fx->store, twin, &error), ==, 0);
    g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Adding the enterprise failed: the data "
                                     "breaks a rule of the database"));
    g_clear_error (&error);
    g_assert_null (ga_store_find_enterprise (fx->store, VALID_CODE_2, &error));
    g_assert_no_error (error);
  }

  /* Listed by name, byte order: "A …" before "闽…". */
  id2 = ga_store_add_enterprise (fx->store, other, &error);
  g_assert_no_error (error);
  list = ga_store_list_enterprises (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((GaEnterpriseSummary *) list->pdata[0])->enterprise->id, ==, id2);
  g_assert_cmpint (((GaEnterpriseSummary *) list->pdata[1])->enterprise->id, ==, id);
  g_assert_null (((GaEnterpriseSummary *) list->pdata[0])->latest);
  g_assert_cmpint (((GaEnterpriseSummary *) list->pdata[0])->n_assessments, ==, 0);

  g_assert_true (ga_store_delete_enterprise (fx->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (ga_store_get_enterprise (fx->store, id, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ga_store_delete_enterprise (fx->store, id, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
}

static void
test_assessments (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) in = make_enterprise ("闽江绿源机械制造有限公司", VALID_CODE);
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GaAssessment) b = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *number = NULL;
  gint64 eid, first, second;

  eid = ga_store_add_enterprise (fx->store, in, &error);
  g_assert_no_error (error);
  first = add_assessment (fx, eid, "2024 自评价", 2024);
  second = add_assessment (fx, eid, "无年份", 0);
  g_assert_cmpint (second, !=, first);

  a = ga_store_get_assessment (fx->store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->enterprise_id, ==, eid);
  g_assert_cmpstr (a->title, ==, "2024 自评价");
  g_assert_cmpint (a->year, ==, 2024);
  g_assert_null (a->period);
  g_assert_cmpint (a->status, ==, GA_ASSESSMENT_DRAFT);
  g_assert_cmpstr (a->template_id, ==, "server");
  g_assert_cmpstr (a->kind, ==, "green-factory");
  g_assert_cmpint (a->n_answers, ==, 0);
  b = ga_store_get_assessment (fx->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b->year, ==, 0);
  /* Both pin the one template copy, stored once, byte for byte. */
  g_assert_cmpstr (a->template_hash, ==, b->template_hash);
  copy = ga_store_get_template_copy (fx->store, a->template_hash, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (copy, NULL), g_bytes_get_size (copy),
                   "{\"id\": \"server\"}", 16);

  /* By number, and by the first 8 characters of the UUID. */
  number = g_strdup_printf ("%" G_GINT64_FORMAT, first);
  g_assert_cmpint (ga_store_resolve_assessment (fx->store, number, &error), ==, first);
  g_assert_no_error (error);
  prefix = g_strndup (b->uuid, 8);
  g_assert_cmpint (ga_store_resolve_assessment (fx->store, prefix, &error), ==, second);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_resolve_assessment (fx->store, "ffffffff-0000", &error), ==, 0);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Newest change first: the second one was made last. */
  list = ga_store_list_assessments (fx->store, eid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((GaAssessment *) list->pdata[0])->id, ==, second);
  summaries = ga_store_list_enterprises (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  g_assert_cmpint (((GaEnterpriseSummary *) summaries->pdata[0])->n_assessments, ==, 2);
  g_assert_cmpint (((GaEnterpriseSummary *) summaries->pdata[0])->latest->id, ==, second);

  /* Final records who and when, and refuses changes until reopened. */
  g_assert_true (ga_store_set_assessment_status (fx->store, first, GA_ASSESSMENT_FINAL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&a, ga_assessment_free);
  a = ga_store_get_assessment (fx->store, first, &error);
  g_assert_cmpint (a->status, ==, GA_ASSESSMENT_FINAL);
  g_assert_cmpstr (a->finalized_by, ==, "陈某");
  g_assert_cmpstr (a->finalized_at, ==, a->updated_at);
  g_assert_false (ga_store_save_answer (fx->store, first, "E1", "1", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ga_store_delete_assessment (fx->store, first, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (ga_store_set_assessment_status (fx->store, first, GA_ASSESSMENT_DRAFT, &error));
  g_clear_pointer (&a, ga_assessment_free);
  a = ga_store_get_assessment (fx->store, first, &error);
  g_assert_cmpint (a->status, ==, GA_ASSESSMENT_DRAFT);
  g_assert_null (a->finalized_at);
  g_assert_null (a->finalized_by);

  g_assert_true (ga_store_delete_assessment (fx->store, first, &error));
  g_assert_no_error (error);
  g_assert_null (ga_store_get_assessment (fx->store, first, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the enterprise takes its assessments along, and the template
   * copy no assessment pins any more. */
  g_assert_true (ga_store_delete_enterprise (fx->store, eid, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ga_store_list_assessments (fx->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&copy, g_bytes_unref);
  copy = ga_store_get_template_copy (fx->store, b->template_hash, &error);
  g_assert_null (copy);
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
}

static const char *
answer_of (GHashTable *answers,
           const char *item)
{
  return g_hash_table_lookup (answers, item);
}

static void
test_answers_history (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) in = make_enterprise ("闽江绿源机械制造有限公司", VALID_CODE);
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *item = NULL;
  g_autofree char *value = NULL;
  GaHistoryEntry *e;
  gint64 eid, aid;

  eid = ga_store_add_enterprise (fx->store, in, &error);
  g_assert_no_error (error);
  aid = add_assessment (fx, eid, "2025", 2025);

  g_assert_false (ga_store_can_undo (fx->store, aid));
  g_assert_true (ga_store_save_answer (fx->store, aid, "E1", "1", &error));
  g_assert_true (ga_store_save_answer (fx->store, aid, "E1", "2", &error));
  g_assert_true (ga_store_save_answer (fx->store, aid, "E2", "\"能源管理体系\"", &error));
  /* The value it has already: no change, no history row. */
  g_assert_true (ga_store_save_answer (fx->store, aid, "E2", "\"能源管理体系\"", &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_save_answer (fx->store, aid, "E3", "{not json", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ga_store_save_answer (fx->store, aid + 100, "E1", "1", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  answers = ga_store_load_answers (fx->store, aid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (answers), ==, 2);
  g_assert_cmpstr (answer_of (answers, "E1"), ==, "2");
  g_assert_cmpstr (answer_of (answers, "E2"), ==, "\"能源管理体系\"");

  history = ga_store_list_history (fx->store, aid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  e = history->pdata[0];
  g_assert_cmpstr (e->item_id, ==, "E1");
  g_assert_null (e->old_value);
  g_assert_cmpstr (e->new_value, ==, "1");
  g_assert_cmpstr (e->author, ==, "陈某");
  g_assert_cmpint (e->action, ==, GA_HISTORY_EDIT);
  e = history->pdata[1];
  g_assert_cmpstr (e->old_value, ==, "1");
  g_assert_cmpstr (e->new_value, ==, "2");

  /* Undo takes the newest edit first: E2 goes, then E1 is 1 again. */
  g_assert_true (ga_store_undo (fx->store, aid, &item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item, ==, "E2");
  g_clear_pointer (&item, g_free);
  value = ga_store_get_answer (fx->store, aid, "E2", &error);
  g_assert_no_error (error);
  g_assert_null (value);
  g_assert_true (ga_store_undo (fx->store, aid, &item, &error));
  g_assert_cmpstr (item, ==, "E1");
  g_clear_pointer (&item, g_free);
  value = ga_store_get_answer (fx->store, aid, "E1", &error);
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);
  g_assert_true (ga_store_can_redo (fx->store, aid));

  /* Redo takes the edit undone last: E1 is 2 again. */
  g_assert_true (ga_store_redo (fx->store, aid, &item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item, ==, "E1");
  g_clear_pointer (&item, g_free);
  value = ga_store_get_answer (fx->store, aid, "E1", &error);
  g_assert_cmpstr (value, ==, "2");
  g_clear_pointer (&value, g_free);

  /* A new edit ends what could be redone (E2's). */
  g_assert_true (ga_store_can_redo (fx->store, aid));
  g_assert_true (ga_store_clear_answer (fx->store, aid, "E1", &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_can_redo (fx->store, aid));
  g_assert_false (ga_store_redo (fx->store, aid, NULL, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NO_HISTORY);
  g_clear_error (&error);

  /* Edits 3 + undos 2 + redo 1 + the clearing edit 1. */
  g_clear_pointer (&history, g_ptr_array_unref);
  history = ga_store_list_history (fx->store, aid, &error);
  g_assert_cmpuint (history->len, ==, 7);
  e = history->pdata[3];
  g_assert_cmpint (e->action, ==, GA_HISTORY_UNDO);
  g_assert_cmpstr (e->item_id, ==, "E2");
  g_assert_null (e->new_value);
  e = history->pdata[4];
  g_assert_cmpint (e->action, ==, GA_HISTORY_UNDO);
  g_assert_cmpstr (e->old_value, ==, "2");
  g_assert_cmpstr (e->new_value, ==, "1");
  e = history->pdata[6];
  g_assert_cmpstr (e->item_id, ==, "E1");
  g_assert_cmpstr (e->old_value, ==, "2");
  g_assert_null (e->new_value);

  /* A report text shares the one undo stack of the assessment. */
  g_assert_true (ga_store_set_narrative (fx->store, aid, "factory", "工厂基本情况……", &error));
  g_assert_no_error (error);
  g_clear_pointer (&answers, g_hash_table_unref);
  answers = ga_store_load_narratives (fx->store, aid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (answer_of (answers, "factory"), ==, "工厂基本情况……");
  {
    GaHistorySubject subject = GA_HISTORY_ANSWER;

    g_assert_true (ga_store_undo_change (fx->store, aid, FALSE, &subject, &item, &error));
    g_assert_no_error (error);
    g_assert_cmpint (subject, ==, GA_HISTORY_NARRATIVE);
    g_assert_cmpstr (item, ==, "factory");
  }
  value = ga_store_get_narrative (fx->store, aid, "factory", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  /* An author name that is not UTF-8 (an account name in a legacy
   * encoding) is stored with the bad byte replaced by U+FFFD, not refused:
   * saving must not depend on it. */
  ga_store_set_author (fx->store, "Wang\xff");
  g_assert_true (ga_store_save_answer (fx->store, aid, "E3", "3", &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = ga_store_list_history (fx->store, aid, &error);
  e = history->pdata[history->len - 1];
  g_assert_cmpstr (e->item_id, ==, "E3");
  g_assert_cmpstr (e->author, ==, "Wang\xef\xbf\xbd");
}

static void
test_park_members (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) park = make_enterprise ("绿色园区", VALID_CODE);
  g_autoptr(GaEnterprise) factory = make_enterprise ("园区工厂", VALID_CODE_2);
  g_autoptr(GaEnterprise) got = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 pid, fid;

  park->kind = GA_ENTERPRISE_PARK;
  pid = ga_store_add_enterprise (fx->store, park, &error);
  g_assert_no_error (error);
  fid = ga_store_add_enterprise (fx->store, factory, &error);
  g_assert_no_error (error);

  g_assert_true (ga_store_add_park_member (fx->store, pid, fid, &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_add_park_member (fx->store, pid, fid, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  members = ga_store_list_park_members (fx->store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (((GaEnterprise *) members->pdata[0])->id, ==, fid);

  /* A member stays a factory while it is linked. */
  got = ga_store_get_enterprise (fx->store, fid, &error);
  got->kind = GA_ENTERPRISE_PARK;
  g_assert_false (ga_store_update_enterprise (fx->store, got, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ga_store_remove_park_member (fx->store, pid, fid, &error));
  g_assert_no_error (error);
  g_assert_false (ga_store_remove_park_member (fx->store, pid, fid, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
}

static void
test_projects (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) in = make_enterprise ("闽江绿源机械制造有限公司", VALID_CODE);
  g_autoptr(GaProject) p = ga_project_new ();
  g_autoptr(GaProject) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 eid, pid;

  eid = ga_store_add_enterprise (fx->store, in, &error);
  g_assert_no_error (error);
  p->enterprise_id = eid;
  p->name = g_strdup ("空压机余热回收");
  p->type = g_strdup ("energy");
  p->investment = 120.5;
  p->start_on = g_strdup ("2025-03");
  p->energy_saving = 0.1 + 0.2;
  pid = ga_store_add_project (fx->store, p, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pid, >, 0);

  got = ga_store_get_project (fx->store, pid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "空压机余热回收");
  g_assert_cmpstr (got->type, ==, "energy");
  g_assert_true (got->investment == 120.5);
  g_assert_true (got->energy_saving == 0.1 + 0.2);
  g_assert_true (isnan (got->co2_cut));
  g_assert_null (got->end_on);
  g_assert_cmpint (got->progress, ==, GA_PROJECT_PLANNED);

  got->progress = GA_PROJECT_DONE;
  got->end_on = g_strdup ("2025-09-30");
  g_assert_true (ga_store_update_project (fx->store, got, &error));
  g_assert_no_error (error);
  list = ga_store_list_projects (fx->store, eid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((GaProject *) list->pdata[0])->progress, ==, GA_PROJECT_DONE);
  g_assert_cmpstr (((GaProject *) list->pdata[0])->end_on, ==, "2025-09-30");

  g_assert_true (ga_store_delete_project (fx->store, pid, &error));
  g_assert_false (ga_store_delete_project (fx->store, pid, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
}

static void
test_evidence (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) in = make_enterprise ("闽江绿源机械制造有限公司", VALID_CODE);
  g_autoptr(GByteArray) all = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *hash = NULL;
  GaEvidence *ev;
  gint64 eid, aid, first, second;

  eid = ga_store_add_enterprise (fx->store, in, &error);
  g_assert_no_error (error);
  aid = add_assessment (fx, eid, "2025", 2025);

  /* Every byte value, NUL included, twice over. */
  for (guint i = 0; i < 512; i++)
    {
      guint8 b = (guint8) (i % 256);
      g_byte_array_append (all, &b, 1);
    }
  bytes = g_bytes_new (all->data, all->len);
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  first = ga_store_add_evidence_bytes (fx->store, aid, "E1", "营业执照.pdf", bytes, &error);
  g_assert_no_error (error);
  /* The same bytes under another item: stored once, listed twice. */
  second = ga_store_add_evidence_bytes (fx->store, aid, "E2", "copy.bin", bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  list = ga_store_list_evidence (fx->store, aid, "E1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  ev = list->pdata[0];
  g_assert_cmpstr (ev->name, ==, "营业执照.pdf");
  g_assert_cmpstr (ev->sha256, ==, hash);
  g_assert_cmpint (ev->size, ==, 512);
  g_assert_cmpstr (ev->author, ==, "陈某");
  g_assert_null (ev->note);

  back = ga_store_get_evidence_bytes (fx->store, second, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));

  g_assert_true (ga_store_set_evidence_note (fx->store, first, "第 2 页", &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ga_store_list_evidence (fx->store, aid, NULL, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((GaEvidence *) list->pdata[0])->note, ==, "第 2 页");

  /* Removing one leaves the bytes for the other. */
  g_assert_true (ga_store_remove_evidence (fx->store, first, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, g_bytes_unref);
  back = ga_store_get_evidence_bytes (fx->store, second, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_false (ga_store_remove_evidence (fx->store, first, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
}

static void
test_not_on_server (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dest = g_build_filename (g_get_tmp_dir (), "ga-store-server-backup.db", NULL);

  /* What still needs the SQLite file says so, instead of failing inside
   * SQLite. */
  g_assert_false (ga_store_backup_to (fx->store, dest, GA_STORE_WRITE_NO_REPLACE, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "PostgreSQL"));
  g_clear_error (&error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (ga_store_check (fx->store, problems, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (ga_store_open_read_only (fx->target, &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "server"));
}

/* Two items, one kept from year to year, one that the next version drops. */
static const char carry_template[] =
  "{\"format\": 1, \"id\": \"server-carry\", \"version\": \"1.0.0\","
  " \"kind\": \"green-factory\", \"title\": {\"zh_CN\": \"结转\", \"en\": \"Carry\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"test\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 10},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"C1\", \"kind\": \"compliance\", \"title\": \"C1\", \"points\": 10,"
  "   \"source\": \"t\"},"
  "  {\"id\": \"T1\", \"kind\": \"text\", \"title\": \"T1\", \"source\": \"t\"}"
  " ]}]}";

static void
test_carry (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) in = make_enterprise ("闽江绿源机械制造有限公司", VALID_CODE);
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GaEngine) engine = NULL;
  const GaSummary *summary;
  GaHistoryEntry *e;
  gint64 eid, y2024, y2025;

  tmpl = ga_template_new_from_data (carry_template, -1, "carry", &error);
  g_assert_no_error (error);
  eid = ga_store_add_enterprise (fx->store, in, &error);
  g_assert_no_error (error);
  y2024 = ga_store_new_assessment (fx->store, eid, tmpl, "2024", 2024, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_save_answer (fx->store, y2024, "C1", "\"yes\"", &error));
  g_assert_true (ga_store_set_narrative (fx->store, y2024, "factory", "工厂概况。", &error));
  g_assert_no_error (error);

  /* 2025 starts from 2024, the only earlier one of its kind. */
  g_assert_cmpint (ga_store_find_previous_assessment (fx->store, eid, tmpl, 2025, &error), ==,
                   y2024);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_suggest_year (fx->store, eid, GA_TEMPLATE_KIND_GREEN_FACTORY, 2026), ==,
                   2025);
  y2025 = ga_store_new_assessment_from (fx->store, y2024, tmpl, NULL, 2025, NULL,
                                        GA_CARRY_DEFAULT, dropped, &error);
  g_assert_no_error (error);
  g_assert_cmpint (y2025, >, y2024);
  g_assert_cmpuint (dropped->len, ==, 0);

  value = ga_store_get_answer (fx->store, y2025, "C1", &error);
  g_assert_cmpstr (value, ==, "\"yes\"");
  g_clear_pointer (&value, g_free);
  value = ga_store_get_narrative (fx->store, y2025, "factory", &error);
  g_assert_cmpstr (value, ==, "工厂概况。");
  history = ga_store_list_history (fx->store, y2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  e = history->pdata[0];
  g_assert_true (e->carried_over);
  g_assert_cmpint (e->carried_from, ==, 2024);
  g_assert_cmpstr (e->author, ==, "陈某");

  /* Scored from what the store holds: C1 complied with (yes) earns its
   * 10 points of 10; T1 is text and scores nothing. */
  engine = ga_store_load_engine (fx->store, y2025, &error);
  g_assert_no_error (error);
  summary = ga_engine_get_summary (engine);
  g_assert_cmpfloat (summary->score, ==, 10);
  g_assert_cmpfloat (summary->max, ==, 10);
}

static void
add_cases (const Backend *backend)
{
  const char *name = backend->server ? "postgresql" : "sqlite";
  static const struct {
    const char *path;
    void (*func) (Fixture *, gconstpointer);
  } cases[] = {
    { "enterprises", test_enterprises },
    { "assessments", test_assessments },
    { "answers-history", test_answers_history },
    { "park-members", test_park_members },
    { "projects", test_projects },
    { "evidence", test_evidence },
    { "carry", test_carry },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store-server/%s/%s", name, cases[i].path);

      g_test_add (path, Fixture, backend, fixture_set_up, cases[i].func, fixture_tear_down);
    }
  if (backend->server)
    g_test_add ("/store-server/postgresql/not-on-server", Fixture, backend, fixture_set_up,
                test_not_on_server, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  static Backend sqlite = { FALSE, NULL };
  static Backend pg = { TRUE, NULL };

  g_test_init (&argc, &argv, NULL);

  add_cases (&sqlite);
  pg.pg_uri = g_getenv ("GA_TEST_PG_URI");
  if (pg.pg_uri != NULL && *pg.pg_uri != '\0')
    add_cases (&pg);

  return g_test_run ();
}
