/* ga-local-tables.h: what the local summary tables of a green-manufacturing
 * round (附件2–4) say about an enterprise, gathered from the store
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 附件3 has a row for the assessment's year and the two before it (the
 * current year when the assessment has none). A year's figures come from
 * the enterprise's assessments of that year, the exported one first, then
 * final ones before drafts, then the most recently changed: the items and
 * outputs output_value, value_added, E_total, E_per_product, CO2_total,
 * water_withdrawal, sw_generated and sw_util_rate, as the bundled energy
 * audit names them. The last year also takes the enterprise record's
 * output value and value added where no assessment gives them; anything
 * else nobody gave stays empty. 附件4 lists the enterprise's projects.
 */
#pragma once

#include "ga-export.h"
#include "ga-store.h"

G_BEGIN_DECLS

/* The tables for the assessment @assessment_id; @current, when not NULL,
 * is that assessment's engine with the answers as they are now (an open
 * window's). *@projects receives the enterprise's GaProject*. */
GaExportLocalTables *ga_local_tables_gather       (GaStore              *store,
                                                   gint64                assessment_id,
                                                   GaEngine             *current,
                                                   GaExportLevel         level,
                                                   int                   plan_year,
                                                   GPtrArray           **projects,
                                                   GError              **error);
/* Replaces the rows of 附件4 with @projects (GaProject*), their type and
 * progress by their labels in @language. */
void                 ga_local_tables_set_projects (GaExportLocalTables  *tables,
                                                   GPtrArray            *projects,
                                                   const char           *language);

G_END_DECLS
