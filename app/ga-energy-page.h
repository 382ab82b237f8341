/* ga-energy-page.h: the energy balance of an energy audit
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The carrier tables with standard coal, share and CO2 per row and their
 * totals, the grid-factor selectors, the energy mix, the indicators and
 * their progress against the targets, and the intensities across the
 * enterprise's audits of other years. Everything is computed by the
 * template's formulas through the engine; the page only lays it out.
 */
#pragma once

#include <adwaita.h>

#include "ga-session.h"

G_BEGIN_DECLS

#define GA_TYPE_ENERGY_PAGE (ga_energy_page_get_type ())

G_DECLARE_FINAL_TYPE (GaEnergyPage, ga_energy_page, GA, ENERGY_PAGE, AdwBin)

void   ga_energy_page_set_session (GaEnergyPage *self,
                                   GaSession    *session);

G_END_DECLS
