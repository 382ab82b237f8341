/* test-services.c: the services the application and greenassess-cli share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line tool is a shell around assessment/services: these tests
 * run the export job exactly as the application's workspace does (from an
 * open GaSession, in a GTask worker) and build/app/greenassess-cli export
 * on the same database, and hold the two results to each other.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ga-export-job.h"
#include "ga-format.h"
#include "ga-narrative.h"
#include "ga-session.h"
#include "ga-store-engine.h"

/* 2026-01-01 00:00:00 UTC: the creation time and report date of every
 * workbook written here. */
#define FIXED_EPOCH "1767225600"

typedef struct {
  char    *dir;
  char    *db_path;
  GaStore *store;
  gint64   assessment_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GaEnterprise) demo = NULL;

  f->dir = g_dir_make_tmp ("ga-services-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "greenassess.db", NULL);
  f->store = ga_store_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (f->store, &error));
  g_assert_no_error (error);

  /* The demo's green-factory assessment: answers, a region (350000) and
   * an industry to map, the kind bureaus ask for. */
  demo = ga_store_find_enterprise (f->store, GA_STORE_DEMO_CREDIT_CODE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (demo);
  list = ga_store_list_assessments (f->store, demo->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);

      if (g_str_has_prefix (a->template_id, "gbt36132"))
        f->assessment_id = a->id;
    }
  g_assert_cmpint (f->assessment_id, >, 0);

  g_setenv ("SOURCE_DATE_EPOCH", FIXED_EPOCH, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (ga_export_job_run_in_task (task_data, task, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The application's path: the workspace's open session, a job made from
 * it, written in a worker thread that could be cancelled. */
static void
export_as_application (Fixture    *f,
                       const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;

  session = ga_session_new (f->store, f->assessment_id, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  task = g_task_new (NULL, cancellable, NULL, NULL);
  g_task_set_task_data (task, ga_export_job_new_for_session (session, path, TRUE),
                        (GDestroyNotify) ga_export_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread_sync (task, export_thread);
  g_assert_true (g_task_propagate_boolean (task, &error));
  g_assert_no_error (error);
}

/* greenassess-cli export on the same database; returns its exit status
 * and what it said on stderr. */
static int
export_with_cli (Fixture     *f,
                 const char  *path,
                 char       **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->assessment_id);
  g_autofree char *out = NULL;
  const char *argv[] = { cli, "export", "--db", f->db_path, id, "--out", path, NULL };
  int status = -1;

  /* The fixture's connection keeps no write lock: the tool opens the same
   * file as a second program would, and inherits SOURCE_DATE_EPOCH. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, err,
                               &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* The same assessment, the same fixed date: the workbook the application
 * writes and the one greenassess-cli writes are the same bytes. */
static void
test_export_same_bytes (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *gui_path = g_build_filename (f->dir, "application.xlsx", NULL);
  g_autofree char *cli_path = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GBytes) gui = NULL;
  g_autoptr(GBytes) cli = NULL;
  g_autoptr(GFile) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence_path = g_build_filename (f->dir, "能源管理体系证书.pdf", NULL);
  g_autoptr(GaTemplate) tmpl = ga_store_load_template (f->store, f->assessment_id, &error);
  const GaItem *item;

  g_assert_no_error (error);
  /* Evidence names are part of the scoring sheet. */
  g_assert_true (g_file_set_contents (evidence_path, "%PDF-1.4\n", -1, &error));
  g_assert_no_error (error);
  evidence = g_file_new_for_path (evidence_path);
  item = g_ptr_array_index (ga_template_get_items (tmpl), 0);
  g_assert_cmpint (ga_store_add_evidence (f->store, f->assessment_id, item->id, evidence, &error),
                   >, 0);
  g_assert_no_error (error);

  export_as_application (f, gui_path);
  g_assert_cmpint (export_with_cli (f, cli_path, &err), ==, 0);

  gui = read_bytes (gui_path);
  cli = read_bytes (cli_path);
  g_assert_cmpuint (g_bytes_get_size (gui), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (gui, NULL), g_bytes_get_size (gui),
                   g_bytes_get_data (cli, NULL), g_bytes_get_size (cli));

  /* Once more: nothing in the file depends on the moment it is written. */
  g_unlink (cli_path);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export_with_cli (f, cli_path, &err), ==, 0);
  g_clear_pointer (&cli, g_bytes_unref);
  cli = read_bytes (cli_path);
  g_assert_true (g_bytes_equal (gui, cli));
}

/* A stored answer the pinned template has no item for: opening the
 * assessment lists it as a problem and goes on, and an export refuses to
 * leave it out silently; the tool says what the service says. */
static void
test_export_unknown_item (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *cli_path = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *gui_path = g_build_filename (f->dir, "application.xlsx", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GaExportJob) job = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (ga_store_save_answer (f->store, f->assessment_id, "NO_SUCH_ITEM", "1", &error));
  g_assert_no_error (error);

  session = ga_session_new (f->store, f->assessment_id, problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "NO_SUCH_ITEM"));

  job = ga_export_job_new (f->store, f->assessment_id, gui_path, &error);
  g_assert_null (job);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "NO_SUCH_ITEM"));

  g_assert_cmpint (export_with_cli (f, cli_path, &err), ==, 1);
  g_assert_false (g_file_test (cli_path, G_FILE_TEST_EXISTS));
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *expected = g_strdup_printf ("export: %s\n", lines[i]);

      if (lines[i][0] != '\0')
        g_assert_nonnull (strstr (err, expected));
    }
}

/* greenassess-cli with @args, in @language;
 * returns its exit status, and its stderr in @err. */
static int
run_cli_in (const char         *language,
            const char * const *args,
            char              **err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, g_build_filename (GA_BUILD_DIR, "app", "greenassess-cli", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

/* The first answerable item of @kind in the fixture's template. */
static GaItem *
item_of_kind (GaSession  *session,
              GaItemKind  kind)
{
  GPtrArray *items = ga_template_get_items (ga_session_get_template (session));

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind)
        return item;
    }
  return NULL;
}

/* One typed answer refused everywhere with one message: the model's
 * (ga_answer_parse_text()), the session's (what the application's item
 * rows call) and greenassess-cli answer set's, in @language. Returns the
 * message. */
static char *
same_message (Fixture     *f,
              GaSession   *session,
              GaItem      *item,
              const char  *typed,
              const char  *language)
{
  g_autoptr(GError) model_error = NULL;
  g_autoptr(GError) session_error = NULL;
  g_autoptr(GaAnswer) answer = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->assessment_id);
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *args[] = { "answer", "set", "--db", f->db_path, id, item->id, "--", typed, NULL };
  const GaAnswer *before = ga_session_get_answer (session, item);
  g_autoptr(GaAnswer) kept = before != NULL ? ga_answer_copy (before) : NULL;

  answer = ga_answer_parse_text (typed, item, &model_error);
  g_assert_null (answer);
  g_assert_error (model_error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_test_message ("%s = %s: %s", item->id, typed, model_error->message);

  g_assert_false (ga_session_set_answer_text (session, item, typed, NULL, &session_error));
  g_assert_error (session_error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_assert_cmpstr (session_error->message, ==, model_error->message);
  /* Nothing changed. */
  g_assert_true ((kept == NULL && ga_session_get_answer (session, item) == NULL)
                 || ga_answer_equal (kept, ga_session_get_answer (session, item)));

  g_assert_cmpint (run_cli_in (language, args, &err), ==, 1);
  expected = g_strconcat (model_error->message, "\n", NULL);
  g_assert_cmpstr (err, ==, expected);
  return g_strdup (model_error->message);
}

/* Mistakes in a number, a date, a choice and a yes/no answer, and a number
 * out of bounds, read the same in every front end, and each names the item
 * and says how to write the value. */
static void
check_same_messages (Fixture    *f,
                     const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSession) session = ga_session_new (f->store, f->assessment_id, NULL, &error);
  GaItem *number, *choice, *yesno, *compliance;
  g_autofree char *not_number = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *bounds = NULL;
  g_autofree char *option = NULL;
  g_autofree char *yes = NULL;
  gboolean zh = g_str_has_prefix (language, "zh");

  g_assert_no_error (error);
  number = item_of_kind (session, GA_ITEM_NUMBER);
  choice = item_of_kind (session, GA_ITEM_CHOICE);
  yesno = item_of_kind (session, GA_ITEM_YESNO);
  compliance = item_of_kind (session, GA_ITEM_COMPLIANCE);
  g_assert_nonnull (number);

  not_number = same_message (f, session, number, "12,5", language);
  hex = same_message (f, session, number, "0x10", language);
  g_assert_nonnull (strstr (not_number, number->id));
  g_assert_nonnull (strstr (not_number, "12.5"));
  if (zh)
    {
      g_assert_nonnull (strstr (not_number, "不是数字"));
      g_assert_nonnull (strstr (not_number, "条目"));
      g_assert_nonnull (strstr (hex, "不是数字"));
    }
  else
    {
      g_assert_nonnull (strstr (not_number, "'12,5' is not a number"));
      g_assert_nonnull (strstr (not_number, "write it in decimal"));
      g_assert_nonnull (strstr (hex, "'0x10' is not a number"));
    }
  if (!isnan (number->min) || !isnan (number->max))
    {
      bounds = same_message (f, session, number, !isnan (number->min) ? "-1e12" : "1e12",
                             language);
      g_assert_nonnull (strstr (bounds, zh ? "超出允许范围" : "is out of bounds; enter a number"));
    }
  if (choice != NULL)
    {
      option = same_message (f, session, choice, "no-such-option", language);
      g_assert_nonnull (strstr (option, zh ? "不是可选项" : "is not one of the options"));
    }
  if (yesno != NULL)
    {
      yes = same_message (f, session, yesno, "perhaps", language);
      g_assert_nonnull (strstr (yes, zh ? "不是“是”或“否”" : "is not yes or no"));
    }
  if (compliance != NULL)
    g_free (same_message (f, session, compliance, "perhaps", language));
}

static void
test_answer_same_message (Fixture       *f,
                          gconstpointer  data)
{
  check_same_messages (f, "en");
}

/* The same in Chinese: the model's messages are translated (the tool and
 * the application bind the catalogue; here it is the one in build/po). */
static void
test_answer_same_message_zh (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *mo = g_build_filename (GA_BUILD_DIR, "po", "zh_CN", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the zh_CN catalogue is not built");
      return;
    }
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, GA_BUILD_DIR "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  check_same_messages (f, "zh_CN");
}

/* One formatter for every front end. */
/* GaSession keeps the report texts in step with the store through saves,
 * undo and redo (the answers' stack), emits ::narrative-changed, refuses
 * a key its outline lacks; a second session on the same file reads what
 * the first saved. */
static void
count_cb (GaSession  *session,
          const char *part,
          gpointer    data)
{
  GPtrArray *seen = data;

  g_ptr_array_add (seen, g_strdup (part));
}

static void
test_narratives (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaSession) session = ga_session_new (f->store, f->assessment_id, NULL, &error);
  g_autoptr(GaSession) other = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = NULL;
  GaHistorySubject subject = GA_HISTORY_ANSWER;
  GPtrArray *outline;
  g_auto(GStrv) paragraphs = NULL;

  g_assert_no_error (error);
  outline = ga_session_get_narrative_outline (session);
  g_assert_cmpstr (((GaNarrativePart *) outline->pdata[0])->key, ==, "factory");
  g_assert_nonnull (ga_narrative_outline_find (outline, "green-work"));
  g_assert_null (ga_session_get_narrative (session, "factory"));
  g_signal_connect (session, "narrative-changed", G_CALLBACK (count_cb), seen);

  g_assert_true (ga_session_set_narrative (session, "factory", "甲\r\n\r\n乙", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ga_session_get_narrative (session, "factory"), ==, "甲\n\n乙");
  /* The same text again: nothing saved, nothing emitted. */
  g_assert_true (ga_session_set_narrative (session, "factory", "甲\n\n乙", &error));
  g_assert_cmpuint (seen->len, ==, 1);

  g_assert_false (ga_session_set_narrative (session, "energy", "x", &error));
  g_assert_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "green-work"));
  g_clear_error (&error);

  other = ga_session_new (f->store, f->assessment_id, NULL, &error);
  g_assert_cmpstr (ga_session_get_narrative (other, "factory"), ==, "甲\n\n乙");
  g_clear_object (&other);

  g_assert_true (ga_session_undo_change (session, FALSE, &subject, &key, &error));
  g_assert_cmpint (subject, ==, GA_HISTORY_NARRATIVE);
  g_assert_cmpstr (key, ==, "factory");
  g_assert_null (ga_session_get_narrative (session, "factory"));
  g_assert_cmpuint (seen->len, ==, 2);
  /* ga_session_redo() names no item for a narrative's change. */
  g_clear_pointer (&key, g_free);
  g_assert_true (ga_session_redo (session, &key, &error));
  g_assert_null (key);
  g_assert_cmpstr (ga_session_get_narrative (session, "factory"), ==, "甲\n\n乙");
  g_assert_cmpuint (seen->len, ==, 3);

  g_assert_true (ga_session_clear_narrative (session, "factory", &error));
  g_assert_null (ga_session_get_narrative (session, "factory"));

  paragraphs = ga_narrative_paragraphs (" 一段\n同一段\n \t\n\n二段 \n\n");
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 2);
  g_assert_cmpstr (paragraphs[0], ==, "一段\n同一段");
  g_assert_cmpstr (paragraphs[1], ==, "二段");
}

static void
test_format (void)
{
  struct { double value; int decimals; const char *shown; } cases[] = {
    { 6.5, 2, "6.5" }, { 10, 2, "10" }, { 0.125, 2, "0.13" }, { -0.125, 2, "-0.13" },
    { -0.001, 2, "0" }, { 2.675, 2, "2.68" }, { 1234567.891, 1, "1234567.9" },
    { 0.60004, 4, "0.6" }, { 1e15, 0, "1E+15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = ga_format_number (cases[i].value, cases[i].decimals);
      g_autofree char *plain = ga_format_number_plain (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (plain, ==, cases[i].shown);
    }
  {
    g_autofree char *shown = ga_format_number (NAN, 2);
    g_autofree char *plain = ga_format_number_plain (NAN, 2);
    g_autofree char *score = ga_format_score (6.5, 10);

    g_assert_cmpstr (shown, ==, "–");
    g_assert_cmpstr (plain, ==, "-");
    g_assert_cmpstr (score, ==, "6.5 / 10");
  }
  g_assert_cmpstr (ga_format_level_numeral (1), ==, "I");
  g_assert_cmpstr (ga_format_level_numeral (3), ==, "III");
  g_assert_null (ga_format_level_numeral (0));
}

/* ------------------------------------------------- units of energy rows */

static double
session_total_tce (GaSession *session)
{
  const GaResult *total = ga_engine_lookup (ga_session_get_engine (session), "E_total");

  g_assert_nonnull (total);
  g_assert_cmpint (total->value.kind, ==, GA_VALUE_NUMBER);
  return total->value.u.number;
}

static void
set_text (GaSession  *session,
          const char *item_id,
          const char *text)
{
  GaItem *item = ga_template_find_item (ga_session_get_template (session), item_id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  g_assert_true (ga_session_set_answer_text (session, item, text, NULL, &error));
  g_assert_no_error (error);
}

/* A database whose energy rows were stored before units could be chosen
 * (no "unit": the quantity is in the coefficient's unit) opens with the
 * numbers it always gave, and its rows then state those units. */
static void
test_old_energy_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ga_store_list_assessments (f->store, 0, &error);
  g_autoptr(GaSession) before = NULL;
  g_autoptr(GaSession) after = NULL;
  g_autofree char *sql = NULL;
  const GaAnswer *answer;
  GaItem *energy;
  sqlite3 *db = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (g_str_has_prefix (((GaAssessment *) g_ptr_array_index (list, i))->template_id,
                          "energy-audit"))
      id = ((GaAssessment *) g_ptr_array_index (list, i))->id;
  g_assert_cmpint (id, >, 0);

  before = ga_session_new (f->store, id, NULL, &error);
  g_assert_no_error (error);
  set_text (before, "energy_other", "[]");
  set_text (before, "elec_basis", "calorific");
  set_text (before, "energy", "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
            " {\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"},"
            " {\"carrier\": \"diesel\", \"qty\": 50, \"unit\": \"t\"}]");
  /* 0.7143 × 1 000 + 1.229 × 200 + 1.4571 × 50 = 714.3 + 245.8 + 72.855 */
  g_assert_cmpfloat_with_epsilon (session_total_tce (before), 1032.955, 1e-9);
  g_clear_object (&before);

  /* The same quantities as stored before units: kg, kWh, kg. */
  g_assert_cmpint (sqlite3_open (f->db_path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE answers SET value = '[{\"carrier\":\"raw_coal\",\"qty\":1000000},"
                         "{\"carrier\":\"electricity\",\"qty\":2000000},"
                         "{\"carrier\":\"diesel\",\"qty\":50000}]'"
                         " WHERE assessment_id = %" G_GINT64_FORMAT " AND item_id = 'energy'", id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  after = ga_session_new (f->store, id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (session_total_tce (after), 1032.955, 1e-9);
  energy = ga_template_find_item (ga_session_get_template (after), "energy");
  answer = ga_session_get_answer (after, energy);
  g_assert_nonnull (answer);
  g_assert_cmpuint (answer->rows->len, ==, 3);
  g_assert_cmpstr (((GaRow *) answer->rows->pdata[0])->cells[2].u.text, ==, "kg");
  g_assert_cmpstr (((GaRow *) answer->rows->pdata[1])->cells[2].u.text, ==, "kWh");
  g_assert_cmpstr (((GaRow *) answer->rows->pdata[2])->cells[2].u.text, ==, "kg");
}

static double
session_number (GaSession  *session,
                const char *id)
{
  const GaResult *r = ga_engine_lookup (ga_session_get_engine (session), id);

  g_assert_nonnull (r);
  return r->value.kind == GA_VALUE_NUMBER ? r->value.u.number : NAN;
}

/* The enterprise record's value added and the assessment's year fill the
 * energy audit's 工业增加值 and 审计期 until they are answered; the answer
 * overrides them for that assessment only.
 *   E_total = 1 032.955 tce (原煤 1 000 t, 电力 200 万kWh, 柴油 50 t)
 *   record 8 000 万元: 1 032.955 / 8 000 = 0.129119375 tce/万元
 *   own value 7 500 万元: 1 032.955 / 7 500 = 0.13772733… tce/万元 */
static void
test_prefill (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("energy-audit-gbt17166-2019",
                                                              &error);
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GaSession) again = NULL;
  g_autoptr(GaEngine) stored = NULL;
  g_autoptr(GaAnswerSet) answers = NULL;
  GaItem *va;
  gint64 eid, aid;

  g_assert_no_error (error);
  e->name = g_strdup ("预填测试企业");
  e->credit_code = g_strdup ("91350100M000100Y43");
  e->value_added = 8000;
  eid = ga_store_add_enterprise (f->store, e, &error);
  g_assert_no_error (error);
  aid = ga_store_new_assessment (f->store, eid, tmpl, NULL, 2025, NULL, &error);
  g_assert_no_error (error);

  session = ga_session_new (f->store, aid, NULL, &error);
  g_assert_no_error (error);
  va = ga_template_find_item (ga_session_get_template (session), "value_added");
  set_text (session, "energy_other", "[]");
  set_text (session, "elec_basis", "calorific");
  set_text (session, "energy", "[{\"carrier\": \"raw_coal\", \"qty\": 1000, \"unit\": \"t\"},"
            " {\"carrier\": \"electricity\", \"qty\": 200, \"unit\": \"万kWh\"},"
            " {\"carrier\": \"diesel\", \"qty\": 50, \"unit\": \"t\"}]");
  g_assert_true (ga_engine_uses_default (ga_session_get_engine (session), va));
  g_assert_cmpfloat (session_number (session, "audit_year"), ==, 2025);
  g_assert_cmpfloat (session_number (session, "value_added"), ==, 8000);
  g_assert_cmpfloat_with_epsilon (session_number (session, "E_per_va"), 0.129119375, 1e-12);

  /* Not an answer: the store has none, and loading from the store (the
   * CLI's and the export's path) gives the same figure. */
  answers = ga_store_load_answer_set (f->store, aid, ga_session_get_template (session), &error);
  g_assert_no_error (error);
  g_assert_null (ga_answer_set_get (answers, "value_added"));
  g_assert_null (ga_answer_set_get (answers, "audit_year"));
  stored = ga_store_load_engine (f->store, aid, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (ga_engine_lookup (stored, "E_per_va")->value.u.number,
                                  0.129119375, 1e-12);

  /* The assessment's own figure overrides the record, and only there. */
  set_text (session, "value_added", "7500");
  g_assert_false (ga_engine_uses_default (ga_session_get_engine (session), va));
  g_assert_cmpfloat_with_epsilon (session_number (session, "E_per_va"), 1032.955 / 7500, 1e-12);
  g_clear_object (&session);
  again = ga_session_new (f->store, aid, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (session_number (again, "value_added"), ==, 7500);
  g_assert_true (ga_session_set_answer (again, va, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (session_number (again, "value_added"), ==, 8000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/services/format", test_format);
  g_test_add ("/ga/services/session/narratives", Fixture, NULL, fixture_set_up,
              test_narratives, fixture_tear_down);
  g_test_add ("/ga/services/export/same-bytes", Fixture, NULL, fixture_set_up,
              test_export_same_bytes, fixture_tear_down);
  g_test_add ("/ga/services/export/unknown-item", Fixture, NULL, fixture_set_up,
              test_export_unknown_item, fixture_tear_down);
  g_test_add ("/ga/services/answer/same-message", Fixture, NULL, fixture_set_up,
              test_answer_same_message, fixture_tear_down);
  g_test_add ("/ga/services/answer/same-message-zh", Fixture, NULL, fixture_set_up,
              test_answer_same_message_zh, fixture_tear_down);
  g_test_add ("/ga/services/session/prefill", Fixture, NULL, fixture_set_up, test_prefill,
              fixture_tear_down);
  g_test_add ("/ga/services/session/old-energy-rows", Fixture, NULL, fixture_set_up,
              test_old_energy_rows, fixture_tear_down);

  return g_test_run ();
}
