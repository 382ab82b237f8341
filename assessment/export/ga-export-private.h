/* ga-export-private.h: pieces shared by the export's source files
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-export.h"

G_BEGIN_DECLS

/* Builds the workbook and writes it to @filename (a temporary file that
 * ga_export_workbook() renames into place). @display_path is the target
 * the user asked for, for messages. */
gboolean _ga_export_build (GaEngine              *engine,
                           const GaExportOptions *options,
                           const char            *filename,
                           const char            *display_path,
                           GError               **error);

G_END_DECLS
