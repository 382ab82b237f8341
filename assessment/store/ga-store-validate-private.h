/* ga-store-validate-private.h: what the checks of ga_store_validate()
 * share between the driver (ga-store-validate.c) and the checks of the
 * rows of each table (ga-store-validate-rows.c)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-store-private.h"

G_BEGIN_DECLS

/* At most this many problems of one kind are listed: a package with a
 * million bad answers needs a few lines, not a million. */
#define MAX_PROBLEMS_PER_CHECK 50

/* Longest name of an author, a template id or version, a MIME type. */
#define MAX_SHORT_TEXT 200

typedef struct {
  GaStore   *store;
  GPtrArray *problems;
  gboolean   package;
  guint      n_before;   /* problems->len when the current check began */
} Check;

/* Called by check_each_row() for each row; FALSE stops the walk. */
typedef gboolean (*RowFunc) (Check        *c,
                             sqlite3_stmt *stmt,
                             gpointer      data);

/* Appends a problem; FALSE once the current check has listed its share,
 * which it then says once. */
gboolean check_problem        (Check        *c,
                               const char   *format,
                               ...) G_GNUC_PRINTF (2, 3);

/* A stored text as a message shows it, quoted and cut short, control
 * characters escaped; @length -1: up to its NUL. */
char    *check_shown          (const char   *text,
                               int           length);

/* check_shown() of a column of @stmt ("nothing" for NULL). */
char    *check_column_shown   (sqlite3_stmt *stmt,
                               int           column);

/* Adds a problem when @column of @stmt is not a time as ga_store_now()
 * writes it (NULL allowed when @nullable). */
void     check_timestamp      (Check        *c,
                               const char   *where,
                               const char   *field,
                               sqlite3_stmt *stmt,
                               int           column,
                               gboolean      nullable);

/* Adds a problem when @column of @stmt is not one line of text of at most
 * MAX_SHORT_TEXT characters (NULL allowed when @nullable). */
void     check_short_text     (Check        *c,
                               const char   *where,
                               const char   *field,
                               sqlite3_stmt *stmt,
                               int           column,
                               gboolean      nullable);

/* Runs @sql (one-off, its parameter bound to @bind) and calls @row for
 * each row; stops early when @row returns FALSE. */
gboolean check_each_row       (Check        *c,
                               const char   *sql,
                               gint64        bind,
                               RowFunc       row,
                               gpointer      data,
                               GError      **error);

/* The checks of one row of a table (ga-store-validate-rows.c), each a
 * RowFunc over the columns the driver's query selects. */
gboolean check_enterprise_row (Check        *c,
                               sqlite3_stmt *stmt,
                               gpointer      data);
gboolean check_template_row   (Check        *c,
                               sqlite3_stmt *stmt,
                               gpointer      data);
gboolean check_blob_row       (Check        *c,
                               sqlite3_stmt *stmt,
                               gpointer      data);
/* @data: the GError ** of the walk over the assessment's own rows. */
gboolean check_assessment_row (Check        *c,
                               sqlite3_stmt *stmt,
                               gpointer      data);

G_END_DECLS
