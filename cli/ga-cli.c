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

#include "ga-answer.h"
#include "ga-cli.h"

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

/* The entry of @groups that the option @arg ("--name", "--name=value", "-x")
 * names, or NULL. A cluster "-xs" names the entry of its last letter, the
 * one that would take a value. */
static const GOptionEntry *
find_entry (const GOptionEntry * const *groups,
            const char                 *arg)
{
  const char *eq = arg[1] == '-' ? strchr (arg, '=') : NULL;
  gsize len = eq != NULL ? (gsize) (eq - arg - 2) : strlen (arg) - 2;

  for (guint g = 0; groups[g] != NULL; g++)
    for (const GOptionEntry *e = groups[g]; e->long_name != NULL; e++)
      {
        if (arg[1] == '-')
          {
            if (strlen (e->long_name) == len && strncmp (arg + 2, e->long_name, len) == 0)
              return e;
          }
        else if (e->short_name != '\0' && arg[1] != '\0'
                 && arg[strlen (arg) - 1] == e->short_name)
          return e;
      }
  return NULL;
}

/* GOption hands the value of these options over as the bytes given: file
 * names, in the file system's encoding, which need not be UTF-8. */
static gboolean
entry_takes_file_name (const GOptionEntry *entry)
{
  return entry->arg == G_OPTION_ARG_FILENAME || entry->arg == G_OPTION_ARG_FILENAME_ARRAY
         || (entry->arg == G_OPTION_ARG_CALLBACK && (entry->flags & G_OPTION_FLAG_FILENAME) != 0);
}

static const char * const *remembered_argv;

void
ga_cli_remember_arguments (char **argv)
{
  remembered_argv = (const char * const *) argv;
}

/* The number of @arg in what the user typed, counted from @command (the
 * command or sub-command word, number 0); @fallback when @arg is not one
 * of the strings main() received (a handler called directly). */
static int
argument_number (const char *command,
                 const char *arg,
                 int         fallback)
{
  int first = -1;

  if (remembered_argv == NULL)
    return fallback;
  for (int i = 0; remembered_argv[i] != NULL; i++)
    {
      if (remembered_argv[i] == command)
        first = i;
      else if (remembered_argv[i] == arg && first >= 0)
        return i - first;
    }
  return fallback;
}

/* Is @arg text in the locale's encoding (UTF-8 nearly everywhere)? Sets
 * *@bad to the first byte that is not UTF-8 when the locale is. */
static gboolean
is_text (const char  *arg,
         const char **bad)
{
  g_autofree char *converted = NULL;

  *bad = NULL;
  if (g_get_charset (NULL))
    return g_utf8_validate (arg, -1, bad);
  converted = g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
  return converted != NULL;
}

static void
print_not_text (const char *arg,
                const char *bad,
                int         number,
                const char *option)
{
  g_autofree char *shown = g_utf8_make_valid (arg, -1);
  const char *prgname = g_get_prgname ();

  if (bad != NULL && option != NULL)
    g_printerr (_("%s: argument %d ('%s', after %s) is not valid UTF-8 text (byte 0x%02X at "
                  "character %ld); retype it, or check that the terminal uses UTF-8\n"),
                prgname, number, shown, option, (guint) (guchar) *bad,
                g_utf8_pointer_to_offset (arg, bad) + 1);
  else if (bad != NULL)
    g_printerr (_("%s: argument %d ('%s') is not valid UTF-8 text (byte 0x%02X at character "
                  "%ld); retype it, or check that the terminal uses UTF-8\n"),
                prgname, number, shown, (guint) (guchar) *bad,
                g_utf8_pointer_to_offset (arg, bad) + 1);
  else
    g_printerr (_("%s: argument %d ('%s') is not text in the encoding of the locale; retype "
                  "it, or check the terminal's encoding\n"),
                prgname, number, shown);
}

static gboolean
is_file_argument (guint file_arguments,
                  int   n)
{
  if (file_arguments == GA_CLI_FILE_ARGS_ALL)
    return TRUE;
  return n < 32 && (file_arguments & (1u << n)) != 0;
}

/* Arguments are text in the locale's encoding, except file names: those
 * are bytes in the file system's encoding (GBK names unpacked from an
 * archive are common). GOption would refuse other bytes in a text
 * option's value with a bare "Invalid byte sequence in conversion input"
 * and the usage exit status; this names the argument and treats it as
 * invalid input. The values of file options (G_OPTION_ARG_FILENAME) and
 * the positional arguments in @file_arguments are not checked. */
static gboolean
check_text_arguments (int                         argc,
                      char                      **argv,
                      const GOptionEntry * const *groups,
                      guint                       file_arguments)
{
  gboolean end_of_options = FALSE;
  int n_positional = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      const GOptionEntry *entry;
      const char *bad = NULL;
      const char *value;
      const char *eq;

      /* An argument that reads as a decimal number ("-1", "-0.5", "-2e3")
       * is a value, never an option: people type negative numbers as
       * answers, and no option of ours is a digit. */
      if (end_of_options || a[0] != '-' || a[1] == '\0' || ga_answer_is_decimal (a))
        {
          n_positional++;
          if (!is_file_argument (file_arguments, n_positional) && !is_text (a, &bad))
            {
              print_not_text (a, bad, argument_number (argv[0], a, i), NULL);
              return FALSE;
            }
          continue;
        }
      if (strcmp (a, "--") == 0)
        {
          end_of_options = TRUE;
          continue;
        }

      entry = find_entry (groups, a);
      eq = a[1] == '-' ? strchr (a, '=') : NULL;
      if (eq != NULL)
        {
          g_autofree char *name = g_strndup (a, eq - a);

          if (!is_text (name, &bad))
            {
              print_not_text (a, bad, argument_number (argv[0], a, i), NULL);
              return FALSE;
            }
          value = eq + 1;
          if (entry != NULL && !entry_takes_file_name (entry) && !is_text (value, &bad))
            {
              print_not_text (value, bad, argument_number (argv[0], a, i), name);
              return FALSE;
            }
          continue;
        }
      if (!is_text (a, &bad))
        {
          print_not_text (a, bad, argument_number (argv[0], a, i), NULL);
          return FALSE;
        }
      if (!option_wants_next (groups, a) || i + 1 >= argc)
        continue;
      value = argv[++i];
      if (entry != NULL && entry_takes_file_name (entry))
        continue;
      if (!is_text (value, &bad))
        {
          print_not_text (value, bad, argument_number (argv[0], value, i), a);
          return FALSE;
        }
    }
  return TRUE;
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

      if (end_of_options || a[0] != '-' || a[1] == '\0' || ga_answer_is_decimal (a))
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
                      guint                file_arguments,
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

  if (!check_text_arguments (*argc, *argv, groups, file_arguments))
    {
      *exit_code = GA_CLI_EXIT_INVALID;
      return FALSE;
    }

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
  g_autofree char *text = g_utf8_make_valid (message, -1);
  g_autofree char *shown = NULL;
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  if (where != NULL)
    shown = g_utf8_validate (where, -1, NULL) ? g_strdup (where) : g_filename_display_name (where);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      if (shown != NULL)
        g_printerr ("%s: %s\n", shown, lines[i]);
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

void
ga_cli_print_file_name (const char *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_print ("%s\n", shown);
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
  /* gettext ignores LANGUAGE under the plain "C" locale (what a machine
   * without LANG runs in), which would write a report half in English:
   * C.UTF-8 means the same for numbers and lets LANGUAGE choose. */
  {
    const char *messages = setlocale (LC_MESSAGES, NULL);

    if (messages == NULL || strcmp (messages, "C") == 0 || strcmp (messages, "POSIX") == 0)
      setlocale (LC_MESSAGES, "C.UTF-8");
  }
  return TRUE;
}
