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

/* P1 a percentage without bounds; P2 a percentage whose bounds allow a
 * growth of up to 500 %; Q1 an intensity with a sourced plausible range;
 * U1 a range that is not verified; energy a table whose quantities are
 * plausible from 0 up except on export rows, with each row's share. */
static const char range_json[] =
  "{\"format\": 1, \"id\": \"range-test\", \"version\": \"1.0.0\", \"kind\": \"energy-audit\","
  " \"title\": {\"zh_CN\": \"范围\", \"en\": \"Range\"},"
  " \"standard\": {\"code\": \"TEST\", \"title\": \"test\"}, \"source\": \"tests\","
  " \"sections\": [{\"id\": \"S1\", \"title\": \"S1\", \"items\": ["
  "  {\"id\": \"P1\", \"kind\": \"number\", \"title\": {\"en\": \"Reuse rate\"}, \"unit\": \"%\","
  "   \"source\": \"t\"},"
  "  {\"id\": \"P2\", \"kind\": \"number\", \"title\": {\"en\": \"Growth\"}, \"unit\": \"%\","
  "   \"min\": -100, \"max\": 500, \"source\": \"t\"},"
  "  {\"id\": \"Q1\", \"kind\": \"number\", \"title\": {\"en\": \"Intensity\"},"
  "   \"unit\": \"tce/万元\", \"min\": 0, \"source\": \"t\","
  "   \"plausible\": {\"min\": 0.01, \"max\": 5, \"source\": \"test table 3\"}},"
  "  {\"id\": \"U1\", \"kind\": \"number\", \"title\": {\"en\": \"Coefficient\"}, \"source\": \"t\","
  "   \"plausible\": {\"max\": 1, \"source\": \"memo\", \"verified\": false,"
  "                   \"unverified_reason\": \"not checked\"}},"
  "  {\"id\": \"energy\", \"kind\": \"table\", \"title\": {\"en\": \"Energy\"}, \"source\": \"t\","
  "   \"columns\": ["
  "    {\"id\": \"flow\", \"kind\": \"choice\", \"title\": {\"en\": \"Flow\"},"
  "     \"options\": [{\"id\": \"in\"}, {\"id\": \"export\"}]},"
  "    {\"id\": \"qty\", \"kind\": \"number\", \"title\": {\"en\": \"Quantity\"}, \"unit\": \"t\","
  "     \"plausible\": {\"min\": 0, \"source\": \"GB/T 2589\","
  "                     \"except\": {\"column\": \"flow\", \"values\": [\"export\"]}}},"
  "    {\"id\": \"share\", \"kind\": \"computed\", \"title\": {\"en\": \"Share\"}, \"unit\": \"%\","
  "     \"value\": \"qty / SUM(energy.qty) * 100\"}]}"
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

/* The range finding of @item_id (with @column and @row for a table cell). */
static GaCheckFinding *
range_finding (GPtrArray  *findings,
               const char *item_id,
               const char *column,
               guint       row)
{
  for (guint i = 0; i < findings->len; i++)
    {
      GaCheckFinding *f = g_ptr_array_index (findings, i);

      if (f->kind == GA_CHECK_RANGE && g_strcmp0 (f->item->id, item_id) == 0
          && g_strcmp0 (f->field, column) == 0 && f->row == row)
        return f;
    }
  return NULL;
}

static guint
n_range_findings (GPtrArray *findings)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += ((GaCheckFinding *) g_ptr_array_index (findings, i))->kind == GA_CHECK_RANGE;
  return n;
}

static void
assert_has (const GaCheckFinding *f,
            const char           *fragment)
{
  g_assert_nonnull (f);
  if (strstr (f->message, fragment) == NULL)
    g_error ("'%s' lacks '%s'", f->message, fragment);
}

static void
test_ranges (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp (NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "r.db", NULL);
  g_autoptr(GaStore) store = ga_store_open (path, &error);
  g_autoptr(GaEnterprise) e = ga_enterprise_new ();
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  GaCheckFinding *f;
  gint64 eid, id;

  g_assert_no_error (error);
  e->name = g_strdup ("范围企业");
  e->credit_code = g_strdup (CODE);
  eid = ga_store_add_enterprise (store, e, &error);
  g_assert_no_error (error);
  tmpl = ga_template_new_from_data (range_json, -1, "test-check.c", &error);
  g_assert_no_error (error);
  id = ga_store_new_assessment (store, eid, tmpl, "Range 2025", 2025, NULL, &error);
  g_assert_no_error (error);
  session = ga_session_new (store, id, NULL, &error);
  g_assert_no_error (error);

  /* Nothing answered, nothing out of range. */
  findings = ga_check_session (session);
  g_assert_cmpuint (n_range_findings (findings), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Out of range: a percentage over 100 (its number, the value, the range
   * and why), a growth the bounds allow is not; the sourced range with its
   * source; the unverified range says so; a row's share over 100 % and
   * not the export row's negative quantity. */
  set (session, "P1", "150");
  set (session, "P2", "150");
  set (session, "Q1", "1200");
  set (session, "U1", "3");
  set (session, "energy", "[{\"flow\": \"in\", \"qty\": 100}, {\"flow\": \"export\", \"qty\": -20}]");
  findings = ga_check_session (session);
  f = range_finding (findings, "P1", NULL, 0);
  assert_has (f, "1.1 “Reuse rate”");
  assert_has (f, "150 %");
  assert_has (f, "from 0 to 100 %");
  assert_has (f, "a percentage");
  assert_has (f, "check the unit and the figure");
  g_assert_false (f->warning);
  g_test_message ("%s", f->message);
  g_assert_null (range_finding (findings, "P2", NULL, 0));
  f = range_finding (findings, "Q1", NULL, 0);
  assert_has (f, "1.3 “Intensity”: 1200 tce/万元");
  assert_has (f, "from 0.01 to 5 tce/万元");
  assert_has (f, "source: test table 3");
  g_test_message ("%s", f->message);
  f = range_finding (findings, "U1", NULL, 0);
  assert_has (f, "at most 1");
  assert_has (f, "the range is not verified: not checked");
  f = range_finding (findings, "energy", "share", 1);
  assert_has (f, "1.5 “Energy”, row 1, “Share”: 125 %");
  assert_has (f, "at most 100 %");
  g_test_message ("%s", f->message);
  g_assert_null (range_finding (findings, "energy", "qty", 2));
  g_assert_null (range_finding (findings, "energy", "share", 2));
  g_assert_cmpuint (n_range_findings (findings), ==, 4);
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A percentage below 0 too. */
  set (session, "P1", "-3");
  findings = ga_check_session (session);
  assert_has (range_finding (findings, "P1", NULL, 0), "-3 %");
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* A negative quantity on a row that is not an export is named with its
   * row; in range, the values are no longer findings. */
  set (session, "P1", "85");
  set (session, "Q1", "0.8");
  set (session, "U1", "0.5");
  set (session, "energy", "[{\"flow\": \"in\", \"qty\": 100}, {\"flow\": \"in\", \"qty\": -20}]");
  findings = ga_check_session (session);
  g_assert_null (range_finding (findings, "P1", NULL, 0));
  g_assert_null (range_finding (findings, "Q1", NULL, 0));
  g_assert_null (range_finding (findings, "U1", NULL, 0));
  f = range_finding (findings, "energy", "qty", 2);
  assert_has (f, "row 2, “Quantity”: -20 t");
  assert_has (f, "at least 0 t");
  assert_has (f, "source: GB/T 2589");
  g_clear_pointer (&findings, g_ptr_array_unref);
  set (session, "energy", "[{\"flow\": \"in\", \"qty\": 30}, {\"flow\": \"in\", \"qty\": 70}]");
  findings = ga_check_session (session);
  g_assert_cmpuint (n_range_findings (findings), ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);

  g_clear_object (&session);
  g_clear_object (&store);
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
  g_test_add_func ("/ga/services/check/ranges", test_ranges);
  return g_test_run ();
}
