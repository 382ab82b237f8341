/* ga-cli-store.h: greenassess-cli commands that work on the database
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each handler takes argv[0] = the command name, argv[1] = its
 * sub-command, then options (every sub-command accepts --db FILE; the
 * default database is g_get_user_data_dir()/greenassess/greenassess.db)
 * and arguments. Exit codes: 0 success, 1 invalid input (the message is on
 * stderr), 2 wrong usage.
 *
 *   db init | check | migrate | backup DEST [--force]
 *   enterprise add --name N --code C [...] | list | show ID|CODE | edit ID|CODE [...]
 *   assessment new --enterprise ID|CODE --template ID|FILE [...] | list | show A
 *              | evaluate A [--json] | finalize A | reopen A | history A | undo A | redo A
 *   answer set A ITEM VALUE [--note TEXT] | clear A ITEM | list A [--json]
 *   evidence add A ITEM FILE [--max-size SIZE] [--note TEXT] | list A
 *            | extract ID FILE [--force]
 *   package export A FILE [--force] | import FILE [--as-copy]
 *
 * Commands that write a file refuse an existing one unless --force is
 * given, and never write onto the database itself. docs/cli.md describes
 * every command.
 *
 * A is an assessment's number or (a prefix of) its UUID.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int ga_cli_cmd_db         (int    argc,
                           char **argv);
int ga_cli_cmd_enterprise (int    argc,
                           char **argv);
int ga_cli_cmd_assessment (int    argc,
                           char **argv);
int ga_cli_cmd_answer     (int    argc,
                           char **argv);
int ga_cli_cmd_evidence   (int    argc,
                           char **argv);
int ga_cli_cmd_package    (int    argc,
                           char **argv);

G_END_DECLS
