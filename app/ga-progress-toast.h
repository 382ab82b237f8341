/* ga-progress-toast.h: a toast that shows work going on in the background
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A toast that stays until it is dismissed: @title above a progress bar
 * that pulses (the work reports no fraction) until
 * ga_progress_toast_set_fraction() is called, and a Cancel button that
 * cancels @cancellable (may be NULL: no button). Returns a new reference;
 * dismiss it with adw_toast_dismiss() when the work ends. */
AdwToast *ga_progress_toast_new           (const char    *title,
                                           GCancellable  *cancellable);
/* Shows @fraction (0–1) instead of pulsing. */
void      ga_progress_toast_set_fraction  (AdwToast      *toast,
                                           double         fraction);
/* Replaces the text above the bar. */
void      ga_progress_toast_set_text      (AdwToast      *toast,
                                           const char    *text);
/* The progress bar, for tests and screenshots. */
GtkProgressBar *ga_progress_toast_get_bar (AdwToast      *toast);

G_END_DECLS
