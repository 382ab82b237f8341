/* ga-cli-export.h: the export command of greenassess-cli
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   greenassess-cli export ASSESSMENT --out FILE.xlsx [--force]
 *   greenassess-cli export --enterprise ID… --out-dir DIR   (progress on stderr)
 *   greenassess-cli export ASSESSMENT… --out-dir DIR
 *   greenassess-cli export --template T --answers A.json [--info E.json] --out FILE.xlsx
 *
 * The last form needs no database. The handler is declared in ga-cli.h.
 */
#pragma once

#include "ga-cli.h"

G_BEGIN_DECLS

/* An engine evaluated with the answers file @answers_path for @tmpl. */
GaEngine    *ga_cli_export_engine_from_files (GaTemplate  *tmpl,
                                              const char  *answers_path,
                                              GError     **error);

G_END_DECLS
