/* ga-store-test-utils.h: helpers the store's test programs share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Removes @path and, for a folder, everything below it (made writable
 * first, for tests that take write permission away). */
void    ga_test_rm_rf       (const char *path);
/* The SHA-256 of the file's bytes, or "(missing)". */
char   *ga_test_file_sha256 (const char *path);
/* The first column of the first row of @sql; asserts that there is one. */
gint64  ga_test_query_int   (sqlite3    *db,
                             const char *sql);
char   *ga_test_query_text  (sqlite3    *db,
                             const char *sql);

G_END_DECLS
