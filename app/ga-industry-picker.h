/* ga-industry-picker.h: choose a GB/T 4754-2017 industry by name or code
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GA_TYPE_INDUSTRY_PICKER (ga_industry_picker_get_type ())

G_DECLARE_FINAL_TYPE (GaIndustryPicker, ga_industry_picker, GA, INDUSTRY_PICKER, GtkWidget)

GtkWidget  *ga_industry_picker_new        (void);
/* The chosen industry as the store takes it ("C", "C26"), or NULL. */
const char *ga_industry_picker_get_code   (GaIndustryPicker *self);
/* Chooses @code ("C26", "26", "C"); NULL or an unknown code: none. */
void        ga_industry_picker_set_code   (GaIndustryPicker *self,
                                           const char       *code);
/* Shows the industries @query finds, as typing it in the search does. */
void        ga_industry_picker_search     (GaIndustryPicker *self,
                                           const char       *query);
/* The number of industries the search shows now. */
guint       ga_industry_picker_get_n_shown (GaIndustryPicker *self);

G_END_DECLS
