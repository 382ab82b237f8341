/* ga-preferences-window.h: the preferences window
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GA_TYPE_PREFERENCES_WINDOW (ga_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (GaPreferencesWindow, ga_preferences_window, GA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GaPreferencesWindow *ga_preferences_window_new (GSettings *settings);

G_END_DECLS
