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

/* What `answer set` makes of a typed VALUE, for any kind of item:
 * - na, n/a, 不适用 (optionally :REASON) mean not applicable, for text
 *   items too: the typed answer says what the user means, and a text
 *   answer "na" is almost always a wish to mark N/A;
 * - text:VALUE keeps VALUE as the literal text of a text item (so
 *   text:na is the two letters);
 * - numbers are plain decimals: 0x10, inf and nan are refused rather than
 *   stored as 16, ∞ or an error;
 * - everything else is read by ga_answer_parse_text(). */
static GaAnswer *
parse_typed_answer (const char  *typed,
                    GaItem      *item,
                    GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *reason = NULL;

  if (!g_utf8_validate (typed, -1, NULL))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': the answer is not valid UTF-8 text"), item->id);
      return NULL;
    }
  trimmed = g_strstrip (g_strdup (typed));

  if (g_str_has_prefix (trimmed, "text:"))
    {
      GaAnswer *answer;

      if (item->kind != GA_ITEM_TEXT)
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s' is a %s item; text:… marks the literal text of a text item. "
                         "Give the value without 'text:'"), item->id,
                       ga_item_kind_to_string (item->kind));
          return NULL;
        }
      if (trimmed[5] == '\0')
        {
          g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                       _("item '%s': nothing follows 'text:'; to remove the answer use "
                         "'greenassess-cli answer clear'"), item->id);
          return NULL;
        }
      answer = ga_answer_new ();
      ga_value_set_text (&answer->value, trimmed + 5);
      return answer;
    }

  if (typed_na (trimmed, &reason))
    {
      /* "na:REASON" is N/A for every kind in ga_answer_parse_text(). */
      g_autofree char *na = g_strconcat ("na:", reason != NULL ? reason : "", NULL);

      return ga_answer_parse_text (na, item, error);
    }

  if ((item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS) && *trimmed != '\0'
      && !ga_cli_is_decimal (trimmed))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   _("item '%s': '%s' is not a number; write it in decimal like 12.5 or -3 "
                     "(no hexadecimal, no inf or nan), or na:REASON for not applicable"),
                   item->id, trimmed);
      return NULL;
    }
  return ga_answer_parse_text (trimmed, item, error);
}

static int
answer_set (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GaAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  GaItem *item;
  gint64 id;
  int exit_code;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note kept with the answer"), N_("TEXT") },
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
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return ga_cli_fail (argv[1], error);
  if ((item = ga_cli_find_item (tmpl, argv[1], argv[2], FALSE)) == NULL)
    return GA_CLI_EXIT_INVALID;
  answer = parse_typed_answer (argv[3], item, &error);
  if (answer == NULL)
    return ga_cli_fail (NULL, error);
  if (note != NULL)
    {
      g_free (answer->note);
      answer->note = g_strdup (note);
    }
  if (!ga_store_set_answer (store, id, item, answer, &error))
    return ga_cli_fail (argv[2], error);
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
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *shown = NULL;
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
  tmpl = ga_store_load_template (store, id, &error);
  if (tmpl == NULL)
    return ga_cli_fail (argv[1], error);
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
  if (!ga_store_clear_answer (store, id, argv[2], &error))
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
