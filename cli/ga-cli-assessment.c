/* ga-cli-assessment.c: greenassess-cli assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-compare.h"
#include "ga-json.h"
#include "ga-session.h"
#include "ga-store-engine.h"
#include "ga-format.h"

/* ------------------------------------------------------------------ */
/* assessment                                                          */

/* The template for a new assessment, by the rule of ga_cli_open_template()
 * with the database's own templates added: an existing regular file is
 * the template (imported, and so validated, so that it stays available);
 * otherwise an id, of an imported template (latest or @version) and then
 * of a bundled one; otherwise an error that names both possibilities. A
 * file named like an id wins, as everywhere in the CLI; a folder does
 * not. */
static GaTemplate *
find_template (GaStore     *store,
               const char  *spec,
               const char  *version,
               GError     **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_auto(GStrv) bundled = NULL;

  if (g_file_test (spec, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      g_autofree char *shown = g_filename_display_name (spec);

      if (!g_file_get_contents (spec, &data, &len, error))
        return NULL;
      return ga_store_import_template (store, data, len, shown, error);
    }

  versions = ga_store_list_template_versions (store, spec, NULL);
  if (versions != NULL && versions->len > 0)
    return ga_store_load_imported_template (store, spec, version, error);

  bundled = ga_template_list_bundled ();
  if (bundled != NULL && g_strv_contains ((const char *const *) bundled, spec))
    {
      GaTemplate *tmpl = ga_template_new_from_resource (spec, error);

      if (tmpl != NULL && version != NULL && strcmp (version, ga_template_get_version (tmpl)) != 0)
        {
          g_set_error (error, GA_STORE_ERROR, GA_STORE_ERROR_NOT_FOUND,
                       _("the bundled template %s is version %s, not %s"), spec,
                       ga_template_get_version (tmpl), version);
          ga_template_unref (tmpl);
          return NULL;
        }
      return tmpl;
    }

  if (g_file_test (spec, G_FILE_TEST_EXISTS))
    g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                 _("this is a folder or a special file, not a template file, and no imported "
                   "or bundled template has this id; give the path of a template file (.json), "
                   "or an id that 'greenassess-cli templates' lists"));
  else
    g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                 _("no such file, and no imported or bundled template has this id; give the "
                   "path of a template file, or an id that 'greenassess-cli templates' lists"));
  return NULL;
}

/* The template an assessment started from @previous uses: the one
 * --template names, else the latest imported or the bundled version of
 * @previous's template id, else @previous's own pinned copy. */
static GaTemplate *
template_for_carry (GaStore       *store,
                    GaAssessment  *previous,
                    const char    *spec,
                    const char    *version,
                    GError       **error)
{
  GaTemplate *tmpl;

  if (spec != NULL)
    return find_template (store, spec, version, error);
  tmpl = find_template (store, previous->template_id, version, NULL);
  if (tmpl != NULL)
    return tmpl;
  return ga_store_load_template (store, previous->id, error);
}

/* Says which answers stayed behind, on stderr: the new assessment was
 * made, but the user should know what to enter again. */
static void
report_dropped (GPtrArray *dropped)
{
  for (guint i = 0; i < dropped->len; i++)
    {
      GaCarryDropped *d = g_ptr_array_index (dropped, i);

      g_printerr (_("not carried over: %s (%s)\n"), d->item_id, d->reason);
    }
}

static gint64
new_from (GaStore     *store,
          GaEnterprise *e,
          const char  *from,
          const char  *template,
          const char  *version,
          const char  *title,
          int          year,
          const char  *period,
          gboolean     with_evidence)
{
  g_autoptr(GaAssessment) previous = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) dropped
      = g_ptr_array_new_with_free_func ((GDestroyNotify) ga_carry_dropped_free);
  g_autoptr(GError) error = NULL;
  gint64 previous_id, id;

  previous_id = ga_cli_resolve_assessment (store, from);
  if (previous_id == 0)
    return 0;
  previous = ga_store_get_assessment (store, previous_id, &error);
  if (previous == NULL)
    return ga_cli_fail (from, error), 0;
  if (e != NULL && e->id != previous->enterprise_id)
    {
      ga_cli_value_error (_("assessment %s belongs to another enterprise than --enterprise; "
                            "leave --enterprise out or name that assessment's enterprise"), from);
      return 0;
    }
  tmpl = template_for_carry (store, previous, template, version, &error);
  if (tmpl == NULL)
    return ga_cli_fail (template != NULL ? template : previous->template_id, error), 0;
  if (year == 0 && previous->year > 0)
    year = previous->year + 1;
  id = ga_store_new_assessment_from (store, previous_id, tmpl, title, year, period,
                                     with_evidence ? GA_CARRY_EVIDENCE : GA_CARRY_DEFAULT,
                                     dropped, &error);
  if (id == 0)
    return ga_cli_fail ("assessment new", error), 0;
  report_dropped (dropped);
  return id;
}

static int
assessment_new (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *enterprise = NULL;
  g_autofree char *template = NULL;
  g_autofree char *version = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *from = NULL;
  gboolean with_evidence = FALSE;
  int year = 0;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "enterprise", 0, 0, G_OPTION_ARG_STRING, &enterprise,
      N_("The enterprise (id or credit code)"), N_("ID|CODE") },
    /* FILENAME: a template file's name in the file system's own bytes. */
    { "template", 0, 0, G_OPTION_ARG_FILENAME, &template,
      N_("An imported or bundled template id, or a template file (imported first)"),
      N_("ID|FILE") },
    { "version", 0, 0, G_OPTION_ARG_STRING, &version,
      N_("An imported template's version (default: the latest)"), N_("VERSION") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title (default: template title and year)"),
      N_("TEXT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Year assessed"), N_("YEAR") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("Period (free text, e.g. 2025H1)"),
      N_("TEXT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Start from this earlier assessment of the same kind: its answers, tables and report "
         "texts are carried over (default year: the year after it; default template: the "
         "latest version of its template)"), N_("ASSESSMENT") },
    { "with-evidence", 0, 0, G_OPTION_ARG_NONE, &with_evidence,
      N_("With --from: link the earlier assessment's evidence files too"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL,
                               _("Starts an assessment of an enterprise. It keeps a copy of the "
                                 "template, so later template versions never change its score."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;
  if (from == NULL && (enterprise == NULL || template == NULL))
    return ga_cli_usage_error (context, _("--enterprise and --template are required (or --from)"));
  if (from == NULL && with_evidence)
    return ga_cli_usage_error (context, _("--with-evidence goes with --from"));

  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (enterprise != NULL && (e = ga_cli_resolve_enterprise (store, enterprise)) == NULL)
    return GA_CLI_EXIT_INVALID;
  if (from != NULL)
    {
      id = new_from (store, e, from, template, version, title, year, period, with_evidence);
      if (id == 0)
        return GA_CLI_EXIT_INVALID;
    }
  else
    {
      tmpl = find_template (store, template, version, &error);
      if (tmpl == NULL)
        return ga_cli_fail (template, error);
      id = ga_store_new_assessment (store, e->id, tmpl, title, year, period, &error);
      if (id == 0)
        return ga_cli_fail ("assessment new", error);
    }
  a = ga_store_get_assessment (store, id, &error);
  if (a == NULL)
    return ga_cli_fail ("assessment new", error);
  g_print ("%" G_GINT64_FORMAT " %s\n", id, a->uuid);
  return GA_CLI_EXIT_OK;
}

static int
assessment_list (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *enterprise = NULL;
  int exit_code;
  const GOptionEntry entries[] = {
    { "enterprise", 0, 0, G_OPTION_ARG_STRING, &enterprise,
      N_("Only this enterprise's assessments"), N_("ID|CODE") },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, NULL, _("Lists assessments, most recent first."),
                               entries, 0, NULL, &context, &exit_code))
    return exit_code;
  store = ga_cli_open_store (FALSE);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if (enterprise != NULL && (e = ga_cli_resolve_enterprise (store, enterprise)) == NULL)
    return GA_CLI_EXIT_INVALID;
  list = ga_store_list_assessments (store, e != NULL ? e->id : 0, &error);
  if (list == NULL)
    return ga_cli_fail ("assessment list", error);

  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_ptr_array_add (rows, g_strdupv ((char **) (const char *[]) {
                                      _("ID"), _("UUID"), _("ENTERPRISE"), _("TEMPLATE"),
                                      _("STATUS"), _("ANSWERS"), _("UPDATED"), _("TITLE"), NULL }));
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      char **row = g_new0 (char *, 9);
      const char *name = g_hash_table_lookup (names, &a->enterprise_id);

      /* The id to type in other commands and the name to recognise it by;
       * each enterprise is read once. */
      if (name == NULL)
        {
          g_autoptr(GaEnterprise) owner = ga_store_get_enterprise (store, a->enterprise_id, NULL);
          char *shown = g_strdup (owner != NULL ? owner->name : "?");

          g_hash_table_insert (names, g_memdup2 (&a->enterprise_id, sizeof (gint64)), shown);
          name = shown;
        }
      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, a->id);
      row[1] = g_strndup (a->uuid, 8);
      row[2] = g_strdup_printf ("%" G_GINT64_FORMAT " %s", a->enterprise_id, name);
      row[3] = g_strdup_printf ("%s %s", a->template_id, a->template_version);
      row[4] = g_strdup (ga_assessment_status_to_string (a->status));
      row[5] = g_strdup_printf ("%u", a->n_answers);
      row[6] = g_strndup (a->updated_at, 16);
      row[7] = g_strdup (a->title);
      g_ptr_array_add (rows, row);
    }
  ga_cli_print_table (rows, 8);
  return GA_CLI_EXIT_OK;
}

static int
assessment_show (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GaEnterprise) e = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Shows an assessment with its answers and evidence."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if ((a = ga_store_get_assessment (store, id, &error)) == NULL
      || (e = ga_store_get_enterprise (store, a->enterprise_id, &error)) == NULL
      || (answers = ga_store_load_answers (store, id, &error)) == NULL
      || (evidence = ga_store_list_evidence (store, id, NULL, &error)) == NULL)
    return ga_cli_fail (argv[1], error);

  g_print ("%s: %" G_GINT64_FORMAT " (%s)\n", _("Assessment"), a->id, a->uuid);
  g_print ("%s: %s\n", _("Title"), a->title);
  g_print ("%s: %s (%s)\n", _("Enterprise"), e->name, e->credit_code);
  g_print ("%s: %s %s (%s %.12s…)\n", _("Template"), a->template_id, a->template_version,
           a->kind, a->template_hash);
  if (a->year > 0)
    g_print ("%s: %d%s%s\n", _("Year"), a->year, a->period != NULL ? " / " : "",
             a->period != NULL ? a->period : "");
  g_print ("%s: %s", _("Status"), ga_assessment_status_to_string (a->status));
  if (a->finalized_at != NULL)
    g_print (_(" (since %s, %s)"), a->finalized_at, ga_cli_or_dash (a->finalized_by));
  g_print ("\n%s: %s / %s\n", _("Created / updated"), a->created_at, a->updated_at);
  g_print ("%s: %s, %s: %s\n", _("Undo"), ga_store_can_undo (store, id) ? _("yes") : _("no"),
           _("redo"), ga_store_can_redo (store, id) ? _("yes") : _("no"));

  g_print ("\n%s (%u)\n", _("Answers"), g_hash_table_size (answers));
  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) g_strcmp0);
  tmpl = ga_store_load_template (store, id, NULL);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      g_autofree char *shown = ga_cli_answer_display (g_hash_table_lookup (answers, l->data), tmpl,
                                                      l->data);

      g_print ("  %s = %s\n", (char *) l->data, shown);
    }

  g_print ("\n%s (%u)\n", _("Evidence"), evidence->len);
  for (guint i = 0; i < evidence->len; i++)
    {
      GaEvidence *ev = g_ptr_array_index (evidence, i);
      g_autofree char *size = g_format_size (ev->size);

      g_print ("  %" G_GINT64_FORMAT "  %s  %s  %s  %s\n", ev->id, ev->item_id, ev->name,
               ev->mime_type, size);
    }
  return GA_CLI_EXIT_OK;
}

static int
assessment_evaluate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *explain = NULL;
  GaTemplate *tmpl;
  const GaSummary *s;
  gboolean json = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the engine's results as JSON"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Scores an assessment with the template copy it is pinned to."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  engine = ga_store_load_engine (store, id, &error);
  if (engine == NULL)
    return ga_cli_fail (argv[1], error);

  if (json)
    {
      g_autoptr(JsonNode) results = ga_engine_results_to_json (engine);
      g_autofree char *text = json_to_string (results, TRUE);

      g_print ("%s\n", text);
      return GA_CLI_EXIT_OK;
    }

  tmpl = ga_engine_get_template (engine);
  s = ga_engine_get_summary (engine);
  g_print ("%s: %s %s\n", _("Template"), ga_template_get_id (tmpl), ga_template_get_version (tmpl));
  g_print ("%s: %u / %u\n", _("Answered"), s->answered, s->total);
  if (ga_template_get_scheme (tmpl) == GA_SCHEME_POINTS)
    {
      g_autofree char *score = ga_format_number_plain (s->score, 2);
      g_autofree char *max = ga_format_number_plain (s->max, 2);

      g_print ("%s: %s / %s\n", _("Score"), score, max);
      if (s->grade != NULL)
        g_print ("%s: %s\n", _("Grade"), s->grade->id);
    }
  g_print ("%s: %s\n", _("Veto"), ga_veto_status_to_display (s->veto));
  explain = ga_engine_explain_summary (engine);
  if (explain != NULL && *explain != '\0')
    g_print ("\n%s\n", explain);
  return GA_CLI_EXIT_OK;
}

static int
assessment_simple (int                argc,
                   char             **argv,
                   const char        *summary,
                   int                what)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item = NULL;
  GaHistorySubject subject = GA_HISTORY_ANSWER;
  gint64 id;
  int exit_code;
  gboolean ok = FALSE;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"), summary,
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  if ((a = ga_store_get_assessment (store, id, &error)) == NULL)
    return ga_cli_fail (argv[1], error);

  switch (what)
    {
    case 0:
    case 1:
      {
        GaAssessmentStatus want = what == 0 ? GA_ASSESSMENT_FINAL : GA_ASSESSMENT_DRAFT;
        g_autofree char *num = g_strdup_printf ("%" G_GINT64_FORMAT, id);

        /* Nothing to do is not an error, but it is worth saying: the user
         * may have meant another assessment. */
        if (a->status == want)
          {
            if (want == GA_ASSESSMENT_FINAL)
              g_print (_("assessment %s is already final (since %s)\n"), num,
                       ga_cli_or_dash (a->finalized_at));
            else
              g_print (_("assessment %s is already a draft\n"), num);
            return GA_CLI_EXIT_OK;
          }
        ok = ga_store_set_assessment_status (store, id, want, &error);
        if (ok)
          g_print (want == GA_ASSESSMENT_FINAL
                   ? _("assessment %s is final now (read-only until reopened)\n")
                   : _("assessment %s is a draft again\n"), num);
      }
      break;
    case 2:
    case 3:
      {
        /* Through the session, as the application undoes: the store's
         * history and the engine's answers stay in step. */
        g_autoptr(GaSession) session = ga_session_new (store, id, NULL, &error);

        if (session != NULL)
          ok = ga_session_undo_change (session, what == 3, &subject, &item, &error);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return ga_cli_fail (argv[1], error);
  if (item != NULL && subject == GA_HISTORY_NARRATIVE)
    {
      g_autofree char *text = ga_store_get_narrative (store, id, item, NULL);
      g_autofree char *shown = ga_cli_narrative_display (text);

      g_print (_("report part %s = %s\n"), item, shown);
    }
  else if (item != NULL)
    {
      g_autoptr(GaTemplate) tmpl = ga_store_load_template (store, id, NULL);
      g_autofree char *value = ga_store_get_answer (store, id, item, NULL);
      g_autofree char *shown = ga_cli_answer_display (value, tmpl, item);

      g_print ("%s = %s\n", item, value != NULL ? shown : _("(no answer)"));
    }
  return GA_CLI_EXIT_OK;
}

static int
assessment_finalize (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Makes an assessment final (read-only)."), 0);
}

static int
assessment_reopen (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Makes a final assessment a draft again."), 1);
}

static int
assessment_undo (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Undoes the last change of an answer."), 2);
}

static int
assessment_redo (int argc, char **argv)
{
  return assessment_simple (argc, argv, _("Redoes the last undone change."), 3);
}

static int
assessment_history (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Lists every change of the answers and of the report's texts, oldest "
                                 "first."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  history = ga_store_list_history (store, id, &error);
  if (history == NULL)
    return ga_cli_fail (argv[1], error);
  tmpl = ga_store_load_template (store, id, NULL);
  for (guint i = 0; i < history->len; i++)
    {
      GaHistoryEntry *h = g_ptr_array_index (history, i);
      gboolean narrative = h->subject == GA_HISTORY_NARRATIVE;
      g_autofree char *old_shown = narrative ? ga_cli_narrative_display (h->old_value)
                                   : ga_cli_answer_display (h->old_value, tmpl, h->item_id);
      g_autofree char *new_shown = narrative ? ga_cli_narrative_display (h->new_value)
                                   : ga_cli_answer_display (h->new_value, tmpl, h->item_id);
      g_autofree char *what = narrative ? g_strdup_printf (_("report part %s"), h->item_id)
                                        : g_strdup (h->item_id);

      g_autofree char *carried = h->carried_over && h->carried_from > 0
                                 ? g_strdup_printf (_("  (carried over from %d)"), h->carried_from)
                                 : h->carried_over ? g_strdup (_("  (carried over)")) : NULL;

      g_print ("%s  %-4s  %s  %s: %s -> %s%s\n", h->at, ga_history_action_to_string (h->action),
               ga_cli_or_dash (h->author), what, old_shown, new_shown,
               carried != NULL ? carried : "");
    }
  return GA_CLI_EXIT_OK;
}

/* "+2.5", "-5", "0"; "" when there is nothing to subtract. */
static char *
signed_difference (double difference)
{
  g_autofree char *n = ga_format_number_plain (fabs (difference), 2);

  if (isnan (difference))
    return g_strdup ("");
  if (fabs (difference) < 1e-9)
    return g_strdup ("0");
  return g_strdup_printf ("%s%s", difference > 0 ? "+" : "-", n);
}

static char *
score_of (double score,
          double max)
{
  g_autofree char *s = ga_format_number_plain (score, 2);
  g_autofree char *m = ga_format_number_plain (max, 2);

  if (isnan (score) && isnan (max))
    return g_strdup ("-");
  return g_strdup_printf ("%s / %s", s, m);
}

static char *
assessment_label (GaStore *store,
                  gint64   id)
{
  g_autoptr(GaAssessment) a = ga_store_get_assessment (store, id, NULL);

  if (a == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (a->year > 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", a->year);

      /* The default title ends with the year already. */
      if (strstr (a->title, year) == NULL)
        return g_strdup_printf ("%" G_GINT64_FORMAT " %s (%d)", id, a->title, a->year);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, a->title);
}

static void
print_comparison (GaComparison *cmp,
                  gboolean      changed_only)
{
  GPtrArray *sections = ga_comparison_get_sections (cmp);

  for (guint i = 0; i < sections->len; i++)
    {
      GaCompareSection *s = g_ptr_array_index (sections, i);
      const GaText *title = s->section_b != NULL ? &s->section_b->title
                            : s->section_a != NULL ? &s->section_a->title : NULL;
      g_autofree char *sa = score_of (s->score_a, s->max_a);
      g_autofree char *sb = score_of (s->score_b, s->max_b);
      g_autofree char *sd = signed_difference (s->difference);

      if (changed_only && !s->changed)
        continue;
      if (s->id != NULL)
        g_print ("%s%*s%s %s: %s -> %s  %s\n", s->depth == 0 ? "\n" : "", (int) s->depth * 2, "", s->id,
                 ga_text_get (title, NULL), sa, sb, sd);
      else
        g_print ("\n%s\n", _("Only in the first assessment's template:"));
      for (guint j = 0; j < s->items->len; j++)
        {
          GaCompareItem *c = g_ptr_array_index (s->items, j);
          const GaItem *item = c->item_b != NULL ? c->item_b : c->item_a;
          g_autofree char *ia = ga_format_number_plain (c->score_a, 2);
          g_autofree char *ib = ga_format_number_plain (c->score_b, 2);
          g_autofree char *id = signed_difference (c->difference);

          if (changed_only && !c->changed)
            continue;
          g_print ("%*s  %s %s %s: %s (%s) -> %s (%s)  %s\n", (int) s->depth * 2, "",
                   c->changed ? "*" : " ", c->id, ga_text_get (&item->title, NULL),
                   c->answer_a, ia, c->answer_b, ib, id);
        }
    }
}

static int
assessment_compare (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaEngine) ea = NULL;
  g_autoptr(GaEngine) eb = NULL;
  g_autoptr(GaComparison) cmp = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *la = NULL;
  g_autofree char *lb = NULL;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  g_autofree char *td = NULL;
  const GaSummary *sa, *sb;
  gboolean json = FALSE, changed_only = FALSE;
  gint64 a, b;
  int exit_code;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as JSON"), NULL },
    { "changed", 0, 0, G_OPTION_ARG_NONE, &changed_only,
      N_("Only the items whose answer or score changed"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("A B"),
                               _("Compares two assessments item by item and section by section, "
                                 "each scored with its own template copy; differences are B "
                                 "minus A."),
                               entries, 2, _("give two assessments, A and B"), &context,
                               &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &a);
  if (store == NULL || (b = ga_cli_resolve_assessment (store, argv[2])) == 0)
    return GA_CLI_EXIT_INVALID;
  if ((ea = ga_store_load_engine (store, a, &error)) == NULL)
    return ga_cli_fail (argv[1], error);
  if ((eb = ga_store_load_engine (store, b, &error)) == NULL)
    return ga_cli_fail (argv[2], error);
  cmp = ga_comparison_new (ea, eb);

  if (json)
    {
      g_autoptr(JsonNode) root = ga_comparison_to_json (cmp);
      g_autofree char *text = json_to_string (root, TRUE);

      g_print ("%s\n", text);
      return GA_CLI_EXIT_OK;
    }
  la = assessment_label (store, a);
  lb = assessment_label (store, b);
  sa = ga_engine_get_summary (ea);
  sb = ga_engine_get_summary (eb);
  ta = score_of (sa->score, sa->max);
  tb = score_of (sb->score, sb->max);
  td = signed_difference (ga_comparison_get_difference (cmp));
  g_print ("A: %s\nB: %s\n", la, lb);
  g_print ("%s: %s -> %s  %s\n", _("Score"), ta, tb, td);
  if (sa->grade != NULL || sb->grade != NULL)
    g_print ("%s: %s -> %s\n", _("Grade"), sa->grade != NULL ? sa->grade->id : "-",
             sb->grade != NULL ? sb->grade->id : "-");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u item changed\n", "%u items changed\n",
                        ga_comparison_get_n_changed (cmp)),
           ga_comparison_get_n_changed (cmp));
  print_comparison (cmp, changed_only);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_assessment (int    argc,
                       char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "new", "--enterprise ID|CODE --template ID|FILE [--year YEAR] [--title TEXT] […]"
             " | --from ASSESSMENT [--with-evidence] […]",
      assessment_new },
    { "list", "[--enterprise ID|CODE]", assessment_list },
    { "show", "ASSESSMENT", assessment_show },
    { "evaluate", "ASSESSMENT [--json]", assessment_evaluate },
    { "compare", "A B [--json] [--changed]", assessment_compare },
    { "finalize", "ASSESSMENT", assessment_finalize },
    { "reopen", "ASSESSMENT", assessment_reopen },
    { "history", "ASSESSMENT", assessment_history },
    { "undo", "ASSESSMENT", assessment_undo },
    { "redo", "ASSESSMENT", assessment_redo },
  };

  return ga_cli_dispatch ("assessment", subs, G_N_ELEMENTS (subs), argc, argv);
}
