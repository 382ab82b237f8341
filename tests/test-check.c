/* test-check.c: the pre-submission check on a small template whose every
 * finding is known by construction
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ga-check.h"
#include "ga-store-engine.h"

#define CODE "91350100M000100Y43"

/* V1 a veto yes/no; C1 a compliance check that asks for a licence as
 * evidence; N1 a number that may be 不适用; U1 a number not verified
 * against the official text; R1 computed as 100 / N2 (N2 = 0 makes it
 * #DIV/0!). */
static const char template_json[] =
  "{\"format\": 1, \"id\": \"check-test\", \"version\": \"1.0.0\", \"kind\": \"green-factory\","
  " \"title\": {\"zh_CN\": \"检查\", \"en\": \"Check\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 20},"
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"V1\", \"kind\": \"yesno\", \"title\": {\"en\": \"Lawful\"}, \"veto\": true,"
  "   \"source\": \"t\"},"
  "  {\"id\": \"C1\", \"kind\": \"compliance\", \"title\": {\"en\": \"Licence\"}, \"points\": 10,"
  "   \"evidence\": [\"business licence\"], \"source\": \"t\"},"
  "  {\"id\": \"N1\", \"kind\": \"number\", \"title\": {\"en\": \"Water\"}, \"na_allowed\": true,"
  "   \"source\": \"t\"},"
  "  {\"id\": \"U1\", \"kind\": \"number\", \"title\": {\"en\": \"Guessed\"}, \"points\": 10,"
  "   \"verified\": false, \"unverified_reason\": \"from memory\", \"source\": \"t\","
  "   \"score\": {\"interp\": {\"baseline\": 0, \"leading\": 10}}},"
  "  {\"id\": \"N2\", \"kind\": \"number\", \"title\": {\"en\": \"Output\"}, \"source\": \"t\"},"
  "  {\"id\": \"R1\", \"kind\": \"computed\", \"title\": {\"en\": \"Ratio\"}, \"value\": \"100 / N2\","
  "   \"source\": \"t\"}"
  " ]}]}";

static GaCheckFinding *
finding_for (GPtrArray   *findings,
             GaCheckKind  kind,
             const char  *item_or_field)
{
  for (guint i = 0; i < findings->len; i++)
    {
      GaCheckFinding *f = g_ptr_array_index (findings, i);
      const char *name = f->item != NULL ? f->item->id : f->field;

      if (f->kind == kind && g_strcmp0 (name, item_or_field) == 0)
        return f;
    }
  return NULL;
}

static void
set (GaSession  *session,
     const char *item_id,
     const char *text)
{
  g_autoptr(GError) error = NULL;
  GaItem *item = ga_template_find_item (ga_session_get_template (session), item_id);
  g_autoptr(GaAnswer) answer = ga_answer_parse_text (text, item, &error);

  g_assert_no_error (error);
  g_assert_true (ga_session_set_answer (session, item, answer, &error));
  g_assert_no_error (error);
}

static void
test_findings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "c.db", NULL);
  g_autofree char *scan = g_build_filename (dir, "licence.pdf", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 eid, id;

  g_assert_no_error (error);
  e->name = g_strdup ("检查企业");
  e->credit_code = g_strdup (CODE);
  e->postal_code = g_strdup ("350001");
  eid = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  tmpl = ga_template_new_from_data (template_json, -1, "test-check.c", &error);
  g_assert_no_error (error);
  id = ga_store_new_assessment (store, eid, tmpl, "Check 2025", 2025, NULL, &error);
  g_assert_no_error (error);
  session = ga_session_new (store, id, NULL, &error);
  g_assert_no_error (error);

  /* Nothing answered: every item the engine waits for, the veto one named
   * as such; the empty enterprise fields (the region comes from the
   * credit code, the postal code was given). */
  findings = ga_check_session (session);
  g_assert_nonnull (finding_for (findings, GA_CHECK_UNANSWERED, "V1"));
  g_assert_nonnull (strstr (finding_for (findings, GA_CHECK_UNANSWERED, "V1")->message,
                            "veto"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_UNANSWERED, "C1"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_ENTERPRISE, "ownership"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_ENTERPRISE, "profile"));
  g_assert_null (finding_for (findings, GA_CHECK_ENTERPRISE, "postal_code"));
  g_assert_null (finding_for (findings, GA_CHECK_ENTERPRISE, "region"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Answered, with the mistakes a reviewer sends back. */
  set (session, "V1", "yes");
  set (session, "C1", "符合");
  set (session, "N1", "na:");
  set (session, "U1", "5");
  set (session, "N2", "0");
  findings = ga_check_session (session);
  g_assert_null (finding_for (findings, GA_CHECK_UNANSWERED, "V1"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_EVIDENCE, "C1"));
  g_assert_nonnull (strstr (finding_for (findings, GA_CHECK_EVIDENCE, "C1")->message,
                            "business licence"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_NA_REASON, "N1"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_UNVERIFIED, "U1"));
  g_assert_nonnull (finding_for (findings, GA_CHECK_ERROR, "R1"));
  g_test_message ("%s", finding_for (findings, GA_CHECK_ERROR, "R1")->message);
  g_assert_nonnull (strstr (finding_for (findings, GA_CHECK_ERROR, "R1")->message, "zero"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Mended: the licence attached, a reason given, a real output. */
  g_assert_true (g_file_set_contents (scan, "%PDF-1.4 licence", -1, NULL));
  file = g_file_new_for_path (scan);
  g_assert_true (ga_session_add_evidence (session, ga_template_find_item (tmpl, "C1"), file,
                                          &error));
  g_assert_no_error (error);
  set (session, "N1", "na:no water is used in production");
  set (session, "N2", "4");
  findings = ga_check_session (session);
  g_assert_null (finding_for (findings, GA_CHECK_EVIDENCE, "C1"));
  g_assert_null (finding_for (findings, GA_CHECK_NA_REASON, "N1"));
  g_assert_null (finding_for (findings, GA_CHECK_ERROR, "R1"));
  /* The unverified value stays a finding: only checking it mends that. */
  g_assert_nonnull (finding_for (findings, GA_CHECK_UNVERIFIED, "U1"));
  for (guint i = 0; i < findings->len; i++)
    {
      GaCheckFinding *f = g_ptr_array_index (findings, i);

      g_assert_true (f->kind == GA_CHECK_UNVERIFIED || f->kind == GA_CHECK_ENTERPRISE
                     || f->kind == GA_CHECK_NARRATIVE);
      g_assert_true (f->warning == (f->kind == GA_CHECK_NARRATIVE));
    }

  /* Every part of the report without text of the user's is a warning that
   * names its key; text written takes it away. */
  {
    static const char *const parts[] = { "factory", "green-work", "green-work.S1", "conclusion",
                                         "problems" };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        GaCheckFinding *f = finding_for (findings, GA_CHECK_NARRATIVE, parts[i]);

        g_assert_nonnull (f);
        g_assert_true (f->warning);
        g_assert_nonnull (strstr (f->message, parts[i]));
      }
    g_clear_pointer (&findings, g_ptr_array_unref);
    g_assert_true (ga_session_set_narrative (session, "green-work.S1", "能源计量器具配备齐全。",
                                             &error));
    g_assert_no_error (error);
    findings = ga_check_session (session);
    g_assert_null (finding_for (findings, GA_CHECK_NARRATIVE, "green-work.S1"));
    g_assert_nonnull (finding_for (findings, GA_CHECK_NARRATIVE, "factory"));
    g_test_message ("%s", finding_for (findings, GA_CHECK_NARRATIVE, "factory")->message);
  }

  g_clear_object (&session);
  g_clear_object (&store);
  g_unlink (scan);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/services/check/findings", test_findings);
  return g_test_run ();
}
