/* ga-cli.c: helpers shared by the commands of greenassess-cli
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ga-cli.h"

/* An argument that reads as a decimal number ("-1", "-0.5", "-2e3") is a
 * value, never an option: people type negative numbers as answers, and no
 * option of ours is a digit. */
static gboolean
is_number_argument (const char *arg)
{
  const char *p = arg;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static gboolean
entry_takes_value (const GOptionEntry *entry)
{
  if (entry->arg == G_OPTION_ARG_NONE)
    return FALSE;
  if (entry->arg == G_OPTION_ARG_CALLBACK
      && (entry->flags & (G_OPTION_FLAG_NO_ARG | G_OPTION_FLAG_OPTIONAL_ARG)) != 0)
    return FALSE;
  return TRUE;
}

/* Does the option @arg ("--name", "-x" or a cluster "-xs") take the next
 * argument as its value? */
static gboolean
option_wants_next (const GOptionEntry * const *groups,
                   const char                 *arg)
{
  for (guint g = 0; groups[g] != NULL; g++)
    for (const GOptionEntry *e = groups[g]; e->long_name != NULL; e++)
      {
        if (arg[1] == '-')
          {
            if (strchr (arg, '=') == NULL && strcmp (arg + 2, e->long_name) == 0)
              return entry_takes_value (e);
          }
        else if (e->short_name != '\0' && strchr (arg + 1, e->short_name) != NULL
                 && entry_takes_value (e))
          return TRUE;
      }
  return FALSE;
}

/* Puts the options first and every other argument after one "--", so that
 * GOption neither takes a value for an option ("-1", or anything after the
 * user's own "--") nor leaves a "--" among the arguments. Returns a new
 * array (the strings are borrowed) and its length in *n_out. */
static char **
arrange_arguments (int                         argc,
                   char                      **argv,
                   const GOptionEntry * const *groups,
                   int                        *n_out)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  gboolean end_of_options = FALSE;
  char **arranged;
  int n = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];

      if (end_of_options || a[0] != '-' || a[1] == '\0' || is_number_argument (a))
        {
          g_ptr_array_add (values, argv[i]);
          continue;
        }
      if (strcmp (a, "--") == 0)
        {
          end_of_options = TRUE;
          continue;
        }
      g_ptr_array_add (options, argv[i]);
      if (option_wants_next (groups, a) && i + 1 < argc)
        g_ptr_array_add (options, argv[++i]);
    }

  arranged = g_new0 (char *, options->len + values->len + 3);
  arranged[n++] = argv[0];
  for (guint i = 0; i < options->len; i++)
    arranged[n++] = g_ptr_array_index (options, i);
  arranged[n++] = (char *) "--";
  for (guint i = 0; i < values->len; i++)
    arranged[n++] = g_ptr_array_index (values, i);
  arranged[n] = NULL;
  *n_out = n;
  return arranged;
}

gboolean
ga_cli_parse_options (int                 *argc,
                      char              ***argv,
                      const char          *parameter_string,
                      const char          *summary,
                      const char          *description,
                      const GOptionEntry  *entries,
                      GOptionContext     **out_context,
                      int                 *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char **arranged = NULL;
  gboolean show_help = FALSE;
  int n_arranged = 0;
  int first = 1;
  int n = 0;
  /* Our own -h/--help so that help goes through the same return path as
   * everything else (GLib's built-in one calls exit()). */
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };
  const GOptionEntry *groups[] = { entries != NULL ? entries : help_entries, help_entries, NULL };

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  arranged = arrange_arguments (*argc, *argv, groups, &n_arranged);
  if (!g_option_context_parse (context, &n_arranged, &arranged, &error))
    {
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
        {
          /* A bad value of a known option is invalid input, like a bad
           * answer: exit 1, without the whole help. */
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          g_printerr (_("%s: see '%s --help' for what the option expects\n"), g_get_prgname (),
                      g_get_prgname ());
          *exit_code = GA_CLI_EXIT_INVALID;
        }
      else if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
        *exit_code = ga_cli_usage_error (context, _("%s (to pass a value that starts with '-', "
                                                    "put -- before it)"), error->message);
      else
        *exit_code = ga_cli_usage_error (context, "%s", error->message);
      return FALSE;
    }

  if (show_help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stdout);
      *exit_code = GA_CLI_EXIT_OK;
      return FALSE;
    }

  /* Back into the caller's array, without the "--" put in above (GOption
   * leaves it unless a G_OPTION_REMAINING entry took what followed). There
   * are never more arguments left than the caller gave. */
  (*argv)[n++] = arranged[0];
  if (n_arranged > 1 && strcmp (arranged[1], "--") == 0)
    first = 2;
  for (int i = first; i < n_arranged; i++)
    (*argv)[n++] = arranged[i];
  (*argv)[n] = NULL;
  *argc = n;

  if (out_context != NULL)
    *out_context = g_steal_pointer (&context);
  *exit_code = GA_CLI_EXIT_OK;
  return TRUE;
}

int
ga_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("%s: %s\n", g_get_prgname (), message);
  if (context != NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("\n%s", help);
    }
  return GA_CLI_EXIT_USAGE;
}

void
ga_cli_print_problem (const char *where,
                      const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (where != NULL)
        g_printerr ("%s: %s\n", where, lines[i]);
      else
        g_printerr ("%s\n", lines[i]);
    }
}

GaTemplate *
ga_cli_open_template (const char  *spec,
                      GError     **error)
{
  g_auto(GStrv) ids = NULL;

  /* A file wins over an id, but only a regular file: a folder that happens
   * to be named like a bundled template (a checkout of the templates, an
   * export folder) is not what the user means. */
  if (g_file_test (spec, G_FILE_TEST_IS_REGULAR))
    return ga_template_new_from_file (spec, error);

  ids = ga_template_list_bundled ();
  if (ids != NULL && g_strv_contains ((const char * const *) ids, spec))
    return ga_template_new_from_resource (spec, error);

  if (g_file_test (spec, G_FILE_TEST_EXISTS))
    g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                 _("this is a folder or a special file, not a template file, and no bundled "
                   "template has this id; give the path of a template file (.json), or one "
                   "of the ids that 'greenassess-cli templates' lists"));
  else
    g_set_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND,
                 _("no such file, and no bundled template has this id; give the path of a "
                   "template file, or one of the ids that 'greenassess-cli templates' lists"));
  return NULL;
}

const char *
ga_cli_default_language (void)
{
  /* The first entry of the user's language list decides, as it does for
   * gettext (and for ga_text_get() without a language). */
  const char * const *names = g_get_language_names ();

  if (names[0] != NULL && g_str_has_prefix (names[0], "zh"))
    return "zh_CN";
  return "en";
}

guint
ga_cli_display_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
ga_cli_append_padded (GString    *out,
                      const char *text,
                      guint       width)
{
  guint w = ga_cli_display_width (text);

  g_string_append (out, text != NULL ? text : "");
  for (; w < width; w++)
    g_string_append_c (out, ' ');
}

char *
ga_cli_format_number (double number)
{
  if (isnan (number))
    return g_strdup ("-");
  return ga_number_to_string (ga_round_half_away (number, 2));
}

void
ga_cli_parse_value (const char *text,
                    GaValue    *out)
{
  gsize len = strlen (text);
  char *end = NULL;
  double number;

  if (len == 0)
    {
      ga_value_set_blank (out);
      return;
    }
  if (g_ascii_strcasecmp (text, "na") == 0 || g_ascii_strcasecmp (text, "n/a") == 0)
    {
      ga_value_set_na (out);
      return;
    }
  if (g_ascii_strcasecmp (text, "true") == 0)
    {
      ga_value_set_boolean (out, TRUE);
      return;
    }
  if (g_ascii_strcasecmp (text, "false") == 0)
    {
      ga_value_set_boolean (out, FALSE);
      return;
    }
  if (len >= 2 && text[0] == '"' && text[len - 1] == '"')
    {
      ga_value_take_text (out, g_strndup (text + 1, len - 2));
      return;
    }

  /* g_ascii_strtod also reads "nan", "inf" and hexadecimal numbers; only a
   * plain decimal number (what Excel would read) counts as a number here. */
  number = g_ascii_strtod (text, &end);
  if (end != NULL && *end == '\0' && isfinite (number) && strpbrk (text, "xXnN") == NULL
      && !g_ascii_isspace (text[0]))
    {
      ga_value_set_number (out, number);
      return;
    }

  ga_value_set_text (out, text);
}

gboolean
ga_cli_set_language (const char  *language,
                     GError     **error)
{
  if (language == NULL)
    return TRUE;

  if (g_strcmp0 (language, "zh_CN") != 0 && g_strcmp0 (language, "en") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown language '%s'; use zh_CN or en"), language);
      return FALSE;
    }

  /* LANGUAGE takes precedence over LC_MESSAGES for gettext; calling
   * setlocale() again makes gettext drop the catalogue it already chose. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  return TRUE;
}
