/* ga-cli-answer.c: greenassess-cli answer
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
#include "ga-json.h"
#include "ga-session.h"
#include "ga-store-engine.h"

/* ------------------------------------------------------------------ */
/* answer                                                              */

/* "na", "n/a" or "不适用", alone or followed by ":" (or "：") and a reason.
 * *reason receives the reason or NULL. */
static gboolean
typed_na (const char  *text,
          char       **reason)
{
  static const char *const words[] = { "不适用", "n/a", "na", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize n = strlen (words[i]);
      const char *rest = text + n;

      if (g_ascii_strncasecmp (text, words[i], n) != 0)
        continue;
      if (*rest == '\0')
        {
          *reason = NULL;
          return TRUE;
        }
      if (*rest == ':')
        rest++;
      else if (g_str_has_prefix (rest, "："))
        rest += strlen ("：");
      else
        continue;
      *reason = g_strstrip (g_strdup (rest));
      return TRUE;
    }
  return FALSE;
}

/* Saves what `answer set` was given as VALUE, through the session as the
 * application saves an answer (the engine checks it, the store writes it
 * with its history row). The value is read by ga_answer_parse_text(), the
 * one check of typed answers, so a mistake reads as it does in the
 * application's item rows; on top of it the tool has two rules of its own:
 * - na, n/a, 不适用 (optionally :REASON) mean not applicable, for text
 *   items too: the typed answer says what the user means, and a text
 *   answer "na" is almost always a wish to mark N/A;
 * - text:VALUE keeps VALUE as the literal text of a text item (so
 *   text:na is the two letters).
 * @note (NULL: keep the note the answer has) goes with the answer. */
static gboolean
save_typed_answer (GaSession   *session,
                   GaItem      *item,
                   const char  *typed,
                   const char  *note,
                   GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *reason = NULL;

  /* Text that is not UTF-8: the model says so, naming the item. */
  if (!g_utf8_validate (typed, -1, NULL))
    return ga_session_set_answer_text (session, item, typed, note, error);
  trimmed = g_strstrip (g_strdup (typed));

  if (g_str_has_prefix (trimmed, "text:"))
    {
      g_autoptr(GaAnswer) answer = NULL;
      const GaAnswer *current;

      if (item->kind != GA_ITEM_TEXT)
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s' is a %s item; text:… marks the literal text of a text item. "
                         "Give the value without 'text:'"), item->id,
                       ga_item_kind_to_string (item->kind));
          return FALSE;
        }
      if (trimmed[5] == '\0')
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s': nothing follows 'text:'; to remove the answer use "
                         "'greenassess-cli answer clear'"), item->id);
          return FALSE;
        }
      answer = ga_answer_new ();
      ga_value_set_text (&answer->value, trimmed + 5);
      current = ga_session_get_answer (session, item);
      if (note != NULL)
        answer->note = note[0] != '\0' ? g_strdup (note) : NULL;
      else if (current != NULL && current->note != NULL)
        answer->note = g_strdup (current->note);
      return ga_session_set_answer (session, item, answer, error);
    }

  if (typed_na (trimmed, &reason))
    {
      /* "na:REASON" is N/A for every kind in ga_answer_parse_text(). */
      g_autofree char *na = g_strconcat ("na:", reason != NULL ? reason : "", NULL);

      return ga_session_set_answer_text (session, item, na, note, error);
    }
  return ga_session_set_answer_text (session, item, trimmed, note, error);
}

static int
answer_set (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  GaTemplate *tmpl;
  GaItem *item;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("A note kept with the answer (without it the answer keeps the note it has; '' "
         "removes it)"), N_("TEXT") },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT ITEM VALUE"),
                               _("Saves an answer. VALUE is read as the item expects it: a number "
                                 "(-3 and 12.5 as they are), yes/partial/no (符合/部分符合/不符合), "
                                 "an option id or label, text, a date, or na, n/a, 不适用 (with "
                                 ":REASON if you like) for not applicable. For a text item, "
                                 "text:VALUE keeps VALUE literally (text:na is the text \"na\"). "
                                 "A VALUE that starts with '-' and is not a number goes after --."),
                               entries, 3, _("missing ASSESSMENT, ITEM or VALUE"), &context,
                               &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  /* The session the application edits through: the same checks, the same
   * save with its history row. */
  session = ga_session_new (store, id, NULL, &error);
  if (session == NULL)
    return ga_cli_fail (argv[1], error);
  tmpl = ga_session_get_template (session);
  if ((item = ga_cli_find_item (tmpl, argv[1], argv[2], FALSE)) == NULL)
    return GA_CLI_EXIT_INVALID;
  /* A value the item does not take is the model's message alone (it names
   * the item); a refused save (final, read-only, damaged) names it first. */
  if (!save_typed_answer (session, item, argv[3], note, &error))
    return ga_cli_fail (error->domain == GA_ANSWER_ERROR ? NULL : argv[2], error);
  stored = ga_store_get_answer (store, id, item->id, NULL);
  shown = ga_cli_answer_display (stored, tmpl, item->id);
  g_print ("%s = %s\n", item->id, stored != NULL ? shown : _("(no answer)"));
  return GA_CLI_EXIT_OK;
}

static int
answer_clear (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *shown = NULL;
  GaTemplate *tmpl;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT ITEM"),
                               _("Removes an answer (recorded in the history; undo brings it "
                                 "back)."),
                               entries, 2, _("missing ASSESSMENT or ITEM"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  session = ga_session_new (store, id, NULL, &error);
  if (session == NULL)
    return ga_cli_fail (argv[1], error);
  tmpl = ga_session_get_template (session);
  old = ga_store_get_answer (store, id, argv[2], &error);
  if (error != NULL)
    return ga_cli_fail (argv[2], error);
  /* A stored answer can always be cleared; otherwise the id must be one
   * the template lets the user answer, so that a typing mistake is not a
   * silent success. */
  if (old == NULL)
    {
      if (ga_cli_find_item (tmpl, argv[1], argv[2], FALSE) == NULL)
        return GA_CLI_EXIT_INVALID;
      g_print (_("%s has no answer; nothing to clear\n"), argv[2]);
      return GA_CLI_EXIT_OK;
    }
  if (!ga_session_clear_answer (session, argv[2], &error))
    return ga_cli_fail (argv[2], error);
  shown = ga_cli_answer_display (old, tmpl, argv[2]);
  g_print (_("%s cleared (was %s)\n"), argv[2], shown);
  return GA_CLI_EXIT_OK;
}

static int
answer_list (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(GList) keys = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print each answer as stored (JSON, docs/template-format.md \"Answers\")"), NULL },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Prints the answers, one per line: ITEM = VALUE as it was typed "
                                 "(70, yes, \"text\", N/A: reason), with its note."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  store = ga_cli_open_assessment (argv[1], &id);
  if (store == NULL)
    return GA_CLI_EXIT_INVALID;
  answers = ga_store_load_answers (store, id, &error);
  if (answers == NULL)
    return ga_cli_fail (argv[1], error);
  if (!json)
    tmpl = ga_store_load_template (store, id, NULL);
  keys = g_list_sort (g_hash_table_get_keys (answers), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *stored = g_hash_table_lookup (answers, l->data);
      g_autofree char *shown = json ? g_strdup (stored)
                                    : ga_cli_answer_display (stored, tmpl, l->data);

      g_print ("%s = %s\n", (char *) l->data, shown);
    }
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_answer (int    argc,
                   char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "set", "ASSESSMENT ITEM VALUE [--note TEXT]", answer_set },
    { "clear", "ASSESSMENT ITEM", answer_clear },
    { "list", "ASSESSMENT [--json]", answer_list },
  };

  return ga_cli_dispatch ("answer", subs, G_N_ELEMENTS (subs), argc, argv);
}
