/* ga-cli-store.h: what the greenassess-cli commands on the database share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands db, enterprise, assessment, answer, evidence and package
 * each take a sub-command (argv[1]), then options (every sub-command
 * accepts --db FILE; the default database is
 * g_get_user_data_dir()/greenassess/greenassess.db) and arguments:
 *
 *   db init | check | migrate | backup DEST [--force] | repair NEW
 *   enterprise add --name N --code C [...] | list | show ID|CODE | edit ID|CODE [...]
 *   assessment new --enterprise ID|CODE --template ID|FILE [...] | list | show A
 *              | evaluate A [--json] | finalize A | reopen A | history A | undo A | redo A
 *   answer set A ITEM VALUE [--note TEXT] | clear A ITEM | list A [--json]
 *   evidence add A ITEM FILE [--max-size SIZE] [--note TEXT] | list A
 *            | extract ID FILE [--force]
 *   package export A FILE [--force] | import FILE [--as-copy]
 *   project list E | add E --name N --type T [...] | set P [...] | remove P
 *   park members P | add-member P E | remove-member P E
 *
 * Commands that write a file refuse an existing one unless --force is
 * given, and never write onto the database itself. docs/cli.md describes
 * every command. A is an assessment's number or (a prefix of) its UUID.
 */
#pragma once

#include "ga-cli.h"
#include "ga-store.h"

G_BEGIN_DECLS

typedef struct {
  const char   *name;
  const char   *usage;     /* arguments and main options, for the overview */
  GaCliHandler  handler;
} GaCliSubCommand;

/* Runs argv[1] from @subs with argv shifted so that the sub-command's own
 * option parser sees "SUB ARGS…"; without one (or with --help) prints the
 * sub-commands of @command. */
int           ga_cli_dispatch             (const char             *command,
                                           const GaCliSubCommand  *subs,
                                           guint                   n_subs,
                                           int                     argc,
                                           char                  **argv);

/* The same, with @note (translated) under the list of sub-commands in
 * place of the one about --db. */
int           ga_cli_dispatch_with_note   (const char             *command,
                                           const GaCliSubCommand  *subs,
                                           guint                   n_subs,
                                           const char             *note,
                                           int                     argc,
                                           char                  **argv);

/* The value of --db, which every sub-command takes (GA_CLI_DB_ENTRY). */
extern char  *ga_cli_db_option;

#define GA_CLI_DB_ENTRY \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &ga_cli_db_option, \
    N_("The database file (default: the user's data folder)"), N_("FILE") }

/* The largest evidence file SQLite takes (ga_store_set_evidence_limit()
 * caps there too). */
#define GA_CLI_MAX_EVIDENCE_LIMIT ((guint64) 900 * 1000 * 1000)

/* Prints @error's message after "@where: "; returns GA_CLI_EXIT_INVALID. */
int           ga_cli_fail                 (const char             *where,
                                           const GError           *error);
/* A failed write: an existing target gets the option that replaces it. */
int           ga_cli_fail_write           (const GError           *error);
/* Prints "greenassess-cli CMD SUB: message"; returns GA_CLI_EXIT_INVALID:
 * a bad value of an option is invalid input, like a bad answer. */
int           ga_cli_value_error          (const char             *format,
                                           ...) G_GNUC_PRINTF (1, 2);

/* --db, else the default database. */
char         *ga_cli_db_path              (void);
/* The database of --db, which must exist; NULL after saying so. */
char         *ga_cli_existing_db_path     (void);
/* Opens the database (@create: `db init` and `package import` may create
 * it); says once when it is read-only or was migrated. NULL after saying
 * what is wrong. */
GaStore      *ga_cli_open_store           (gboolean                create);
/* Opens the database for a copy, read-only when it is damaged. */
GaStore      *ga_cli_open_store_for_copy  (void);
/* The id of the assessment @ref (number or UUID prefix); 0 after saying
 * why not. */
gint64        ga_cli_resolve_assessment   (GaStore                *store,
                                           const char             *ref);
/* Opens the database and finds the assessment @ref in it. */
GaStore      *ga_cli_open_assessment      (const char             *ref,
                                           gint64                 *id);
/* An enterprise by id or by credit code; NULL after saying why not. */
GaEnterprise *ga_cli_resolve_enterprise   (GaStore                *store,
                                           const char             *ref);

GaStoreWriteFlags ga_cli_write_flags      (gboolean                force);

/* A stored answer (JSON text) as people typed it: 70, yes, "text",
 * N/A: reason, the chosen options, "3 rows", with its note. */
char         *ga_cli_answer_display       (const char             *json,
                                           GaTemplate             *tmpl,
                                           const char             *item_id);
/* A report part's text in one line: the first 40 characters in quotes
 * with "…" and the length when it is longer, or "(no text)". */
char         *ga_cli_narrative_display    (const char             *text);
/* The item @item_id of @tmpl that may be answered (or given evidence,
 * @evidence: computed items too); NULL after saying why not. */
GaItem       *ga_cli_find_item            (GaTemplate             *tmpl,
                                           const char             *assessment,
                                           const char             *item_id,
                                           gboolean                evidence);

/* ga_cli_parse_options() for a sub-command that takes exactly @n_args
 * arguments, those in @file_arguments (GA_CLI_FILE_ARG) file names; a
 * wrong number is a usage error naming @missing or the first extra one. */
gboolean      ga_cli_parse_file_arguments (int                    *argc,
                                           char                 ***argv,
                                           const char             *parameters,
                                           const char             *summary,
                                           const GOptionEntry     *entries,
                                           int                     n_args,
                                           guint                   file_arguments,
                                           const char             *missing,
                                           GOptionContext        **context,
                                           int                    *exit_code);
/* The same when every argument is text. */
gboolean      ga_cli_parse_arguments      (int                    *argc,
                                           char                 ***argv,
                                           const char             *parameters,
                                           const char             *summary,
                                           const GOptionEntry     *entries,
                                           int                     n_args,
                                           const char             *missing,
                                           GOptionContext        **context,
                                           int                    *exit_code);

/* @s, or "-" when it is NULL or empty. */
const char   *ga_cli_or_dash              (const char             *s);
/* Rows of @n_columns strings in columns as wide as their widest cell. */
void          ga_cli_print_table          (GPtrArray              *rows,
                                           guint                   n_columns);
/* --max-size: a whole number of bytes with an optional K, M or G. */
gboolean      ga_cli_parse_size           (const char             *text,
                                           guint64                *out,
                                           char                  **message);

int           ga_cli_cmd_db               (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_enterprise       (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_assessment       (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_answer           (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_evidence         (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_package          (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_narrative        (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_refvalues        (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_project          (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_park             (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_check            (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_report           (int                     argc,
                                           char                  **argv);
int           ga_cli_cmd_import           (int                     argc,
                                           char                  **argv);

G_END_DECLS
