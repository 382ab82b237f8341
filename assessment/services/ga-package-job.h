/* ga-package-job.h: exchange packages written and read in a worker thread
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker opens a connection of its own to the database file (a GaStore
 * is used by one thread at a time; in WAL mode the window's connection
 * goes on reading meanwhile). The window's connection emits no ::changed
 * for what the worker did: callers reload what they show.
 */
#pragma once

#include <gio/gio.h>

#include "ga-store.h"

G_BEGIN_DECLS

/* The package file name proposed for an assessment:
 * "<enterprise>-<template>-<period>.gapkg". */
#define GA_PACKAGE_SUFFIX ".gapkg"

/* Writes the package of @assessment_id to @path, replacing an existing
 * file (the file chooser asked). Cancelling leaves no file and an existing
 * one as it was. */
void      ga_package_export_async   (GaStore              *store,
                                     gint64                assessment_id,
                                     const char           *path,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  ga_package_export_finish  (GAsyncResult         *result,
                                     GError              **error);

/* Imports the package at @path and returns the new assessment's id. An
 * assessment already in the database fails with GA_STORE_ERROR_EXISTS
 * unless @flags has GA_PACKAGE_IMPORT_AS_COPY. Cancelling while the import
 * runs removes what it added (the assessment, and the enterprise when the
 * import created it). */
void      ga_package_import_async   (GaStore              *store,
                                     const char           *path,
                                     GaPackageImportFlags  flags,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gint64    ga_package_import_finish  (GAsyncResult         *result,
                                     GError              **error);

G_END_DECLS
