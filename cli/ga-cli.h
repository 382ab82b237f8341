/* ga-cli.h: shared pieces of greenassess-cli (exit codes, option parsing, helpers)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command is a handler  int ga_cli_cmd_NAME (int argc, char **argv)
 * where argv[0] is the command name and the rest are the command's own
 * arguments. A handler returns one of the GA_CLI_EXIT_* codes; it prints
 * results on stdout and problems on stderr. A new command is one line in the
 * command table of main.c plus its handler in the file of its group
 * (ga-cli-<group>.c). The commands are a thin shell: what they do with an
 * assessment (open it, save an answer, export it) they ask of the services
 * in assessment/services, as the application does.
 */
#pragma once

#include <glib.h>

#include "ga-engine.h"

G_BEGIN_DECLS

/* Exit codes shared by every command. */
enum {
  GA_CLI_EXIT_OK      = 0,  /* success */
  GA_CLI_EXIT_INVALID = 1,  /* invalid input: bad file, bad formula, bad answer ... */
  GA_CLI_EXIT_USAGE   = 2,  /* wrong usage: unknown command or option, missing arguments */
};

typedef int (*GaCliHandler) (int    argc,
                             char **argv);

typedef struct {
  const char   *name;
  const char   *summary;   /* marked with N_(), translated when shown */
  GaCliHandler  handler;
} GaCliCommand;

/* The commands on templates and formulas (ga-cli-template.c,
 * ga-cli-formula.c) and export (ga-cli-export.c); those on the database
 * are declared in ga-cli-store.h. */
int          ga_cli_cmd_templates      (int             argc,
                                        char          **argv);
int          ga_cli_cmd_validate       (int             argc,
                                        char          **argv);
int          ga_cli_cmd_evaluate       (int             argc,
                                        char          **argv);
int          ga_cli_cmd_formula        (int             argc,
                                        char          **argv);
int          ga_cli_cmd_export         (int             argc,
                                        char          **argv);

/* Positional arguments that are file names, for ga_cli_parse_options():
 * GA_CLI_FILE_ARG (1) | GA_CLI_FILE_ARG (3) for the first and the third,
 * GA_CLI_FILE_ARGS_ALL for every one ("FILE…"). */
#define GA_CLI_FILE_ARG(n)    (1u << (n))
#define GA_CLI_FILE_ARGS_ALL  G_MAXUINT

/* main() gives its argv here, so that a message about an argument numbers
 * it as the user typed it even when a command reorders its arguments. */
void         ga_cli_remember_arguments (char               **argv);

/* Option parsing for a command. Creates the context with @parameter_string
 * ("TEMPLATE ANSWERS.json") and @summary, adds @entries plus -h/--help, and
 * parses. "--" ends the options (it is not left among the arguments), and
 * an argument that reads as a decimal number ("-1", "-0.5") is always an
 * argument, never an option.
 *
 * Arguments are text in the locale's encoding, except file names: the
 * values of G_OPTION_ARG_FILENAME options and the positional arguments in
 * @file_arguments (GA_CLI_FILE_ARG) are the bytes given, in the file
 * system's encoding, which need not be UTF-8; show them with
 * g_filename_display_name(). A text argument that is not text is invalid
 * input, named by its number.
 *
 * Returns TRUE when the command should go on; otherwise *exit_code is
 * GA_CLI_EXIT_OK (help was shown on stdout), GA_CLI_EXIT_INVALID (a bad
 * value of a known option, e.g. --year abc, or text that is not text) or
 * GA_CLI_EXIT_USAGE (an unknown option or a missing argument; the problem
 * and the help were printed on stderr). */
gboolean     ga_cli_parse_options      (int                 *argc,
                                        char              ***argv,
                                        const char          *parameter_string,
                                        const char          *summary,
                                        const char          *description,
                                        const GOptionEntry  *entries,
                                        guint                file_arguments,
                                        GOptionContext     **out_context,
                                        int                 *exit_code);

/* Prints "greenassess-cli COMMAND: message" and the command's help on
 * stderr; returns GA_CLI_EXIT_USAGE. */
int          ga_cli_usage_error        (GOptionContext      *context,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/* Prints @message on stderr, each line prefixed with "@where: " (a file
 * name, an item id). Multi-line GError messages stay readable that way. A
 * @where that is not UTF-8 is a file name and shown as its display name;
 * bytes of @message that are not UTF-8 are shown as U+FFFD. */
void         ga_cli_print_problem      (const char          *where,
                                        const char          *message);

/* A template given on the command line (TEMPLATE, --template): an existing
 * regular file is loaded; otherwise a bundled template with that id is
 * used; otherwise the error names both possibilities and how to list the
 * bundled ids. A folder named like a bundled id is not a template file, so
 * the bundled template is used then. */
GaTemplate  *ga_cli_open_template      (const char          *spec,
                                        GError             **error);

/* Width in terminal cells: CJK characters take two. */
guint        ga_cli_display_width      (const char          *text);
/* Appends @text padded with spaces to @width cells. */
void         ga_cli_append_padded      (GString             *out,
                                        const char          *text,
                                        guint                width);

/* A file name written on stdout, as the user may read it. */
void         ga_cli_print_file_name    (const char          *path);

/* A value typed on the command line: "" -> blank, "na" -> not applicable,
 * TRUE/FALSE (any case) -> boolean, a finite number -> number, "\"...\""
 * -> the text between the quotes, anything else -> text. */
void         ga_cli_parse_value        (const char          *text,
                                        GaValue             *out);

/* The language for template texts: "zh_CN", "en" or NULL (current locale).
 * Also makes gettext use that language for the messages it translates. */
gboolean     ga_cli_set_language       (const char          *language,
                                        GError             **error);

G_END_DECLS
