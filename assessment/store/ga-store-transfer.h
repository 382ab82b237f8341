/* ga-store-transfer.h: copying enterprises and their assessments from one
 * store to another (a local file and a team server, either way)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are matched by their natural keys, never by their ids, which each
 * store gives on its own: an enterprise by its credit code, an assessment
 * and a project by their uuid, a template copy by its hash, evidence bytes
 * by their SHA-256. Everything is copied in one transaction on the
 * destination: on any error, or a conflict, nothing is written there.
 *
 * A row that is already on the destination with the same content is left
 * alone (a second transfer adds nothing). One whose content differs — an
 * assessment (with its answers, history, evidence and report texts), a
 * project or the details of an enterprise — is a conflict: the transfer is
 * refused (GA_STORE_ERROR_EXISTS, naming it) unless
 * GA_STORE_TRANSFER_REPLACE is given, which replaces the destination's
 * copy by the source's. Rows only on the destination are never removed.
 */
#pragma once

#include "ga-store.h"

G_BEGIN_DECLS

typedef enum {
  GA_STORE_TRANSFER_NONE    = 0,
  GA_STORE_TRANSFER_REPLACE = 1 << 0,  /* a differing copy on the destination is replaced */
} GaStoreTransferFlags;

typedef struct {
  guint enterprises_added;
  guint enterprises_replaced;
  guint enterprises_same;
  guint assessments_added;
  guint assessments_replaced;
  guint assessments_same;
  guint projects_added;
  guint projects_replaced;
  guint projects_same;
  guint blobs_sent;           /* evidence files whose bytes were not on the destination */
  guint park_members_added;
} GaStoreTransferStats;

/* Copies the enterprises of the credit codes @credit_codes
 * (NULL-terminated; NULL or empty: every enterprise @source holds, or on a
 * server every one its user may see) from @source to @destination, with
 * their assessments, answers, history, evidence, report texts, projects,
 * the template copies their assessments were made from and, for a park,
 * its members (which are copied too). @stats (optional) receives what was
 * done. A credit code @source does not hold is GA_STORE_ERROR_NOT_FOUND. */
gboolean ga_store_transfer (GaStore              *source,
                            GaStore              *destination,
                            const char * const   *credit_codes,
                            GaStoreTransferFlags  flags,
                            GaStoreTransferStats *stats,
                            GError              **error);

G_END_DECLS
