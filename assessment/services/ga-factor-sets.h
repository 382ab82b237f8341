/* ga-factor-sets.h: the grid emission factors an energy audit starts with
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundled energy-audit template looks its grid CO2 factor up in the
 * lookup table "grid_ef" by the answers to two choice items, grid_year and
 * grid_region (the row key is "<year>_<region>"). The preference "default
 * factor set" names one such row; new energy audits get those two answers
 * filled in from it.
 */
#pragma once

#include "ga-store.h"
#include "ga-template.h"

G_BEGIN_DECLS

typedef struct {
  char     *id;        /* the row key, "2022_east" */
  char     *title;     /* "2022 华东 — 0.5992 kgCO2/kWh" in the current language */
  gboolean  verified;  /* FALSE: the row is flagged as not verified */
} GaFactorSet;

/* The rows of "grid_ef" in the bundled energy-audit templates, in table
 * order, each key once. GaFactorSet*, owned by the array. */
GPtrArray *ga_factor_sets_list  (void);

/* Answers grid_year and grid_region of the new assessment @assessment_id
 * (whose template is @tmpl) from the factor set @id. Templates without
 * those items, or whose options do not include the year or region, are
 * left alone (returns TRUE). */
gboolean   ga_factor_sets_apply (GaStore     *store,
                                 gint64       assessment_id,
                                 GaTemplate  *tmpl,
                                 const char  *id,
                                 GError     **error);

G_END_DECLS
