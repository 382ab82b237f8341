/* ga-batch-export.h: export many assessments into one folder
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

/* Asks for a folder, then writes one workbook per assessment of
 * @enterprise_id (0: of every enterprise) in a worker thread, showing the
 * progress and the result in @overlay (may be NULL). */
void ga_batch_export_run         (GtkWindow       *parent,
                                  GaStore         *store,
                                  gint64           enterprise_id,
                                  AdwToastOverlay *overlay);

/* Writes the workbooks of @assessment_ids (gint64) into @folder without
 * asking, and calls @callback on the main thread when done. Cancelling
 * @cancellable stops before the next workbook; the ones written stay and
 * are counted. Used by the dialog above and by tests. */
void ga_batch_export_to_folder   (GaStore             *store,
                                  GArray              *assessment_ids,
                                  GFile               *folder,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Returns the number of workbooks written; @failures receives how many
 * failed and @first_error the first failure's message. */
guint ga_batch_export_finish     (GAsyncResult        *result,
                                  guint               *failures,
                                  char               **first_error,
                                  GError             **error);

/* Opens @folder in the file manager. */
void ga_open_folder              (GtkWindow           *parent,
                                  GFile               *folder);

G_END_DECLS
