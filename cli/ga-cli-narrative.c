/* ga-cli-narrative.c: greenassess-cli narrative, the user's text of the
 * parts of the self-evaluation report
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command goes through GaSession, as the application's "Report Text"
 * page does: the same outline of part keys, the same save with its history
 * row, the same undo (`assessment undo`).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"
#include "ga-cli-store.h"
#include "ga-narrative.h"
#include "ga-session.h"

/* The options every sub-command shares; each one says which it takes. */
static char *part_option;
static char *text_option;
static char *file_option;

#define PART_ENTRY \
  { "part", 0, 0, G_OPTION_ARG_STRING, &part_option, \
    N_("The report part, by its key (see 'narrative list')"), N_("KEY") }

/* Opens the assessment @ref and its session; NULL after saying why not. */
static GaSession *
open_session (const char  *ref,
              GaStore    **store_out)
{
  g_autoptr(GaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GaSession *session;
  gint64 id;

  store = ga_cli_open_assessment (ref, &id);
  if (store == NULL)
    return NULL;
  session = ga_session_new (store, id, NULL, &error);
  if (session == NULL)
    {
      ga_cli_fail (ref, error);
      return NULL;
    }
  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);
  return session;
}

/* The part --part names; NULL after saying which keys there are. */
static const GaNarrativePart *
find_part (GaSession  *session,
           const char *ref)
{
  GPtrArray *outline = ga_session_get_narrative_outline (session);
  const GaNarrativePart *part;
  g_autoptr(GString) keys = g_string_new (NULL);
  g_autofree char *message = NULL;

  if (part_option == NULL)
    {
      g_printerr (_("greenassess-cli narrative: --part KEY is required; 'greenassess-cli "
                    "narrative list %s' shows the keys\n"), ref);
      return NULL;
    }
  part = ga_narrative_outline_find (outline, part_option);
  if (part != NULL)
    return part;
  for (guint i = 0; i < outline->len; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "",
                            ((GaNarrativePart *) outline->pdata[i])->key);
  message = g_strdup_printf (_("the report of assessment %s has no part “%s”; its parts are: %s"),
                             ref, part_option, keys->str);
  ga_cli_print_problem (NULL, message);
  return NULL;
}

static char *
part_title (const GaNarrativePart *part)
{
  return part->parent != NULL ? g_strdup_printf ("%s · %s", part->parent, part->title)
                              : g_strdup (part->title);
}

static int
narrative_list (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *outline;
  int exit_code;
  const GOptionEntry entries[] = { GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Lists the parts of the self-evaluation report that take your "
                                 "own text, in the order of the report: the key, how many "
                                 "characters of text it has (- for none) and its title."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  session = open_session (argv[1], NULL);
  if (session == NULL)
    return GA_CLI_EXIT_INVALID;
  outline = ga_session_get_narrative_outline (session);
  for (guint i = 0; i < outline->len; i++)
    {
      const GaNarrativePart *part = g_ptr_array_index (outline, i);
      const char *text = ga_session_get_narrative (session, part->key);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("%s%s", part->level > 1 ? "  " : "", part->key);
      row[1] = text != NULL ? g_strdup_printf ("%ld", g_utf8_strlen (text, -1)) : g_strdup ("-");
      row[2] = part_title (part);
      g_ptr_array_add (rows, row);
    }
  ga_cli_print_table (rows, 3);
  return GA_CLI_EXIT_OK;
}

static int
narrative_show (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaSession) session = NULL;
  GPtrArray *outline;
  gboolean any = FALSE;
  int exit_code;
  const GOptionEntry entries[] = { PART_ENTRY, GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Prints the text of the report part --part as it is stored; "
                                 "without --part, every part that has text, each under its key "
                                 "and title."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  session = open_session (argv[1], NULL);
  if (session == NULL)
    return GA_CLI_EXIT_INVALID;
  if (part_option != NULL)
    {
      const GaNarrativePart *part = find_part (session, argv[1]);
      const char *text;

      if (part == NULL)
        return GA_CLI_EXIT_INVALID;
      text = ga_session_get_narrative (session, part->key);
      if (text == NULL)
        {
          g_printerr (_("%s has no text yet; the report shows only its generated figures\n"),
                      part->key);
          return GA_CLI_EXIT_OK;
        }
      g_print ("%s\n", text);
      return GA_CLI_EXIT_OK;
    }
  outline = ga_session_get_narrative_outline (session);
  for (guint i = 0; i < outline->len; i++)
    {
      const GaNarrativePart *part = g_ptr_array_index (outline, i);
      const char *text = ga_session_get_narrative (session, part->key);
      g_autofree char *title = NULL;

      if (text == NULL)
        continue;
      title = part_title (part);
      g_print ("%s== %s (%s) ==\n%s\n", any ? "\n" : "", part->key, title, text);
      any = TRUE;
    }
  if (!any)
    g_printerr (_("No part of the report has text yet; 'greenassess-cli narrative set' "
                  "writes one\n"));
  return GA_CLI_EXIT_OK;
}

/* The text of --text, or of --file (- for standard input). */
static char *
read_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if ((text_option == NULL) == (file_option == NULL))
    {
      g_printerr (_("greenassess-cli narrative set: give the text with exactly one of --text "
                    "TEXT and --file FILE\n"));
      return NULL;
    }
  if (text_option != NULL)
    return g_strdup (text_option);
  if (g_strcmp0 (file_option, "-") == 0)
    {
      g_autoptr(GString) in = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        {
          g_string_append_len (in, buffer, n);
          if (in->len > 2 * (gsize) GA_STORE_MAX_NARRATIVE_BYTES)
            break;   /* the store says it is too long */
        }
      length = in->len;
      contents = g_string_free (g_steal_pointer (&in), FALSE);
    }
  else if (!g_file_get_contents (file_option, &contents, &length, &error))
    {
      ga_cli_print_problem (NULL, error->message);
      return NULL;
    }
  /* A NUL inside is a binary file, which the store's message would not
   * name as such. */
  if (memchr (contents, '\0', length) != NULL)
    {
      g_autofree char *shown = g_filename_display_name (file_option);
      g_autofree char *message = g_strdup_printf (_("%s is not a text file"), shown);

      ga_cli_print_problem (NULL, message);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

static int
narrative_set (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const GaNarrativePart *part;
  const char *stored;
  int exit_code;
  const GOptionEntry entries[] = {
    PART_ENTRY,
    { "text", 0, 0, G_OPTION_ARG_STRING, &text_option,
      N_("The text; a blank line starts a new paragraph"), N_("TEXT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file_option,
      N_("Read the text from a UTF-8 file (- for standard input)"), N_("FILE") },
    GA_CLI_DB_ENTRY,
    { NULL }
  };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Saves your text of the report part --part, from --text or "
                                 "--file. The report prints it before the figures it generates "
                                 "there, one paragraph per block of lines between blank lines. "
                                 "The change is recorded in the history; 'assessment undo' "
                                 "takes it back. Empty text removes it, as 'narrative clear' "
                                 "does."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  session = open_session (argv[1], NULL);
  if (session == NULL)
    return GA_CLI_EXIT_INVALID;
  part = find_part (session, argv[1]);
  if (part == NULL)
    return GA_CLI_EXIT_INVALID;
  text = read_text ();
  if (text == NULL)
    return GA_CLI_EXIT_INVALID;
  if (!ga_session_set_narrative (session, part->key, text, &error))
    return ga_cli_fail (part->key, error);
  stored = ga_session_get_narrative (session, part->key);
  if (stored != NULL)
    g_print (ngettext ("%s: saved, %ld character\n", "%s: saved, %ld characters\n",
                       g_utf8_strlen (stored, -1)),
             part->key, g_utf8_strlen (stored, -1));
  else
    g_print (_("%s: no text (the report shows only its generated figures)\n"), part->key);
  return GA_CLI_EXIT_OK;
}

static int
narrative_clear (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GError) error = NULL;
  const GaNarrativePart *part;
  int exit_code;
  const GOptionEntry entries[] = { PART_ENTRY, GA_CLI_DB_ENTRY, { NULL } };

  if (!ga_cli_parse_arguments (&argc, &argv, _("ASSESSMENT"),
                               _("Removes your text of the report part --part (recorded in the "
                                 "history; 'assessment undo' brings it back)."),
                               entries, 1, _("missing ASSESSMENT"), &context, &exit_code))
    return exit_code;
  session = open_session (argv[1], NULL);
  if (session == NULL)
    return GA_CLI_EXIT_INVALID;
  part = find_part (session, argv[1]);
  if (part == NULL)
    return GA_CLI_EXIT_INVALID;
  if (ga_session_get_narrative (session, part->key) == NULL)
    {
      g_print (_("%s has no text; nothing to clear\n"), part->key);
      return GA_CLI_EXIT_OK;
    }
  if (!ga_session_clear_narrative (session, part->key, &error))
    return ga_cli_fail (part->key, error);
  g_print (_("%s cleared\n"), part->key);
  return GA_CLI_EXIT_OK;
}

int
ga_cli_cmd_narrative (int    argc,
                      char **argv)
{
  static const GaCliSubCommand subs[] = {
    { "list", "ASSESSMENT", narrative_list },
    { "show", "ASSESSMENT [--part KEY]", narrative_show },
    { "set", "ASSESSMENT --part KEY --text TEXT|--file FILE", narrative_set },
    { "clear", "ASSESSMENT --part KEY", narrative_clear },
  };

  return ga_cli_dispatch ("narrative", subs, G_N_ELEMENTS (subs), argc, argv);
}
