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
  gboolean show_help = FALSE;
  /* Our own -h/--help so that help goes through the same return path as
   * everything else (GLib's built-in one calls exit()). */
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    { NULL }
  };

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

  if (!g_option_context_parse (context, argc, argv, &error))
    {
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

static gboolean
is_bundled_id (const char *spec)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();

  return ids != NULL && g_strv_contains ((const char * const *) ids, spec);
}

GaTemplate *
ga_cli_load_template (const char  *spec,
                      GError     **error)
{
  /* A path wins over an id: a user who has a file named like a bundled
   * template in the current folder means that file. */
  if (g_file_test (spec, G_FILE_TEST_EXISTS))
    return ga_template_new_from_file (spec, error);

  if (is_bundled_id (spec))
    return ga_template_new_from_resource (spec, error);

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
