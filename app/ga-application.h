/* ga-application.h: the GreenAssess application object
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ga-store.h"

G_BEGIN_DECLS

#define GA_TYPE_APPLICATION (ga_application_get_type ())

G_DECLARE_FINAL_TYPE (GaApplication, ga_application, GA, APPLICATION, AdwApplication)

/* Sets the locale and binds the message catalogue. Uses the build tree's
 * catalogues when the program runs uninstalled (build-aux/run.sh, tests). */
void           ga_application_init_i18n      (void);

GaApplication *ga_application_new            (void);
GSettings     *ga_application_get_settings   (GaApplication *self);
/* The name recorded in the history with every change: the preference, or
 * else the user's full name, or else the login name. */
char          *ga_application_dup_author     (GaApplication *self);

/* What --db and --demo set, for callers that do not go through the command
 * line (tests); call before the application is registered. */
void           ga_application_set_database    (GaApplication *self,
                                               const char    *path,
                                               gboolean       demo);
/* The open database; NULL when it could not be opened (then
 * ga_application_get_store_error() says why). */
GaStore       *ga_application_get_store       (GaApplication *self);
const GError  *ga_application_get_store_error (GaApplication *self);

G_END_DECLS
