/* ga-store-private.h: what the store's source files share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-store.h"
#include "ga-answer.h"
#include "ga-db.h"

G_BEGIN_DECLS

struct _GaStore
{
  GObject     parent_instance;

  sqlite3    *db;
  /* The same connection through ga-db.h, which the store's operations
   * use where their SQL is written for SQLite and PostgreSQL alike. */
  GaDb       *gdb;
  char       *path;
  char       *author;
  char       *migration_backup;
  int         schema_version;
  guint64     evidence_limit;
  GHashTable *statements;   /* const char *sql (static) -> sqlite3_stmt* */
  GHashTable *db_statements; /* const char *sql (static) -> GaDbStmt* */
  GHashTable *templates;    /* hash -> GaTemplate* (ga-store-engine.c), may be NULL */
  char       *read_only;    /* why nothing may be written, or NULL (ga-store-open.c) */
  gboolean    damaged;      /* SQLite found damage: no more writes through this connection */
  gboolean    checked;      /* the structure was checked before the first write */
};

/* How long a writer waits for another connection's lock before giving up
 * with GA_STORE_ERROR_BUSY. Long enough to ride out a checkpoint or a
 * package import in another window, short enough to not look hung. */
#define GA_STORE_BUSY_TIMEOUT_MS 5000

/* The columns ga_store_assessment_from_row() reads, table alias a. */
#define GA_STORE_ASSESSMENT_COLUMNS \
  "a.id, a.uuid, a.enterprise_id, a.template_id, a.template_version, a.template_hash, a.kind," \
  " a.title, a.year, a.period, a.status, a.created_at, a.updated_at, a.finalized_at," \
  " a.finalized_by"
#define GA_STORE_N_ASSESSMENT_COLUMNS 15

GaAssessment *ga_store_assessment_from_row (GaDbStmt *stmt,
                                            int       first);

/* One migration step: the SQL that takes the schema from version - 1 to
 * version. The steps run in one transaction (ga-store.c). */
typedef struct {
  int         version;
  const char *sql;
} GaStoreMigration;

const GaStoreMigration *ga_store_get_migrations (guint *n_steps);

/* Opens @path as a store (application id GA_STORE_APPLICATION_ID) or a
 * package (GA_PACKAGE_APPLICATION_ID). @create: create the file when it is
 * missing. */
GaStore     *ga_store_open_internal   (const char  *path,
                                       guint32      application_id,
                                       gboolean     create,
                                       GError     **error);

/* ga-store-server.c: installs the store's tables into the current schema
 * of the PostgreSQL connection @db when they are not there yet (one
 * transaction, under an advisory lock so that two clients do not both
 * install them), and gives the schema version found or installed. */
gboolean     ga_store_install_server_schema (GaDb     *db,
                                             int      *version,
                                             GError  **error);
/* A store on the PostgreSQL server of @uri (postgresql://…), its schema
 * installed on first use. */
GaStore     *ga_store_open_server     (const char  *uri,
                                       GError     **error);

/* FALSE with @error for a store on a server, for the operations that are
 * still SQLite's own (packages, db check, repair, backups). */
gboolean     ga_store_require_file    (GaStore     *store,
                                       GError     **error);

/* A prepared statement for @sql (a string literal: cached by address),
 * reset and with bindings cleared. */
sqlite3_stmt *ga_store_prepare        (GaStore     *store,
                                       const char  *sql,
                                       GError     **error);

/* Ends the use of the cached statement @stmt, whose last sqlite3_step()
 * returned @rc: resets it, and anything but SQLITE_DONE (a loop over rows
 * that stopped early, a write that failed) sets @error saying @doing. */
gboolean     ga_store_reset_done      (GaStore       *store,
                                       sqlite3_stmt  *stmt,
                                       int            rc,
                                       const char    *doing,
                                       GError       **error);

/* The same for a one-off statement from sqlite3_prepare_v2(), which is
 * finalized; @rc may also be the failed result of the prepare itself
 * (@stmt is then NULL). */
gboolean     ga_store_finalize_done   (GaStore       *store,
                                       sqlite3_stmt  *stmt,
                                       int            rc,
                                       const char    *doing,
                                       GError       **error);

/* Runs the bound cached statement @stmt, which returns no row (INSERT,
 * UPDATE, DELETE), and resets it: ga_store_reset_done() of its step. */
gboolean     ga_store_step_done       (GaStore       *store,
                                       sqlite3_stmt  *stmt,
                                       const char    *doing,
                                       GError       **error);

/* ga_store_step_done() for an UPDATE or DELETE of the row @id of a table
 * of @what ("enterprise"): when it changed no row, sets
 * GA_STORE_ERROR_NOT_FOUND "There is no @what with id @id". */
gboolean     ga_store_step_changed    (GaStore       *store,
                                       sqlite3_stmt  *stmt,
                                       const char    *what,
                                       gint64         id,
                                       const char    *doing,
                                       GError       **error);

/* The GaDb counterparts of the helpers above, for statements written for
 * both SQLite and PostgreSQL (plain `?` placeholders, no SQLite-only
 * functions). */

/* A prepared statement for @sql (a string literal: cached by address),
 * reset and with bindings cleared. */
GaDbStmt    *ga_store_stmt            (GaStore     *store,
                                       const char  *sql,
                                       GError     **error);
/* The same for an INSERT whose new row's @id_column
 * ga_db_stmt_get_insert_id() reports after ga_store_stmt_run(). */
GaDbStmt    *ga_store_stmt_insert     (GaStore     *store,
                                       const char  *sql,
                                       const char  *id_column,
                                       GError     **error);

/* Sets @error (GA_STORE_ERROR) from @db_error, a GA_DB_ERROR of @store's
 * connection, with a sentence saying what was being done: on SQLite the
 * messages of ga_store_fail() (which it calls with SQLite's own code), on
 * PostgreSQL the same codes (busy, read-only, a broken rule …) worded for
 * a server. Frees @db_error. */
void         ga_store_fail_db         (GaStore     *store,
                                       GError      *db_error,
                                       const char  *doing,
                                       GError     **error);

/* Ends the use of the cached statement @stmt, whose last step gave @step
 * (with @db_error, which is freed, on GA_DB_STEP_ERROR): resets it, and
 * anything but GA_DB_STEP_DONE (a loop over rows that stopped early, a
 * write that failed) sets @error saying @doing. */
gboolean     ga_store_stmt_end        (GaStore     *store,
                                       GaDbStmt    *stmt,
                                       GaDbStep     step,
                                       GError      *db_error,
                                       const char  *doing,
                                       GError     **error);

/* Runs the bound cached statement @stmt, which returns no row, and resets
 * it. */
gboolean     ga_store_stmt_run        (GaStore     *store,
                                       GaDbStmt    *stmt,
                                       const char  *doing,
                                       GError     **error);

/* ga_store_stmt_run() for an UPDATE or DELETE of the row @id of a table
 * of @what: GA_STORE_ERROR_NOT_FOUND when it changed no row. */
gboolean     ga_store_stmt_run_changed (GaStore    *store,
                                        GaDbStmt   *stmt,
                                        const char *what,
                                        gint64      id,
                                        const char *doing,
                                        GError    **error);

/* Binds @text, or NULL when it is NULL or empty. */
void         ga_store_bind_text_or_null (GaDbStmt   *stmt,
                                         int         index,
                                         const char *text);

/* A NULL-safe copy of a text column. */
char        *ga_store_stmt_dup        (GaDbStmt    *stmt,
                                       int          column);

/* Sets @error from SQLite's last error on @db with a sentence saying what
 * was being done ("saving the answer to E1"). */
void         ga_store_set_sqlite_error (sqlite3    *db,
                                        int         rc,
                                        const char *doing,
                                        GError    **error);
/* Like ga_store_set_sqlite_error() for @store's connection; damage found
 * on the way also stops every later write through @store. */
void         ga_store_fail            (GaStore     *store,
                                       int          rc,
                                       const char  *doing,
                                       GError     **error);

/* The message for a database that SQLite's own check found damaged: what
 * was found, and what the user can do without losing the changes still
 * waiting in the -wal file beside it. */
void         ga_store_set_damaged_error (GError     **error,
                                         const char  *path,
                                         const char  *finding);

/* Refuses a write through a read-only or damaged connection, and checks
 * the database's structure before the first write of a connection. */
gboolean     ga_store_check_before_write (GaStore   *store,
                                          GError   **error);

/* "file:" URI of @path for sqlite3_open_v2() and ATTACH (SQLITE_OPEN_URI):
 * the characters URIs give a meaning to are percent-encoded. */
char        *ga_store_file_uri        (const char  *path,
                                       const char  *query);
/* The URI another connection reads @store's file by when @store is
 * read-only: immutable without a -wal, mode=ro with one. */
char        *ga_store_read_uri        (GaStore     *store);

gboolean     ga_store_backup_database (sqlite3            *src,
                                       const char         *dest,
                                       GaStoreWriteFlags   flags,
                                       GError            **error);

gboolean     ga_store_begin           (GaStore     *store,
                                       GError     **error);
gboolean     ga_store_commit          (GaStore     *store,
                                       const char  *doing,
                                       GError     **error);
void         ga_store_rollback        (GaStore     *store);
/* Commits and then emits GaStore::changed for @assessment_id (0: no one
 * assessment). */
gboolean     ga_store_commit_changed  (GaStore     *store,
                                       const char  *doing,
                                       gint64       assessment_id,
                                       GError     **error);
gboolean     ga_store_exec            (GaStore     *store,
                                       const char  *sql,
                                       const char  *doing,
                                       GError     **error);

/* Creates an empty file with a new name beside @path (for writing a copy
 * that is then renamed onto @path) and returns its name. */
char        *ga_store_create_temp_beside (const char  *path,
                                          GError     **error);

/* The same with the file mode of the new file (0600 above). */
char        *ga_store_create_temp_mode (const char  *path,
                                        int          mode,
                                        GError     **error);

/* Sets @error for a failed write of @path from errno @errnum, naming
 * @path (never a temporary name) and saying what to do. */
void         ga_store_set_file_error  (GError     **error,
                                       int          errnum,
                                       const char  *path);

/* Refuses a folder at @path, and with GA_STORE_WRITE_NO_REPLACE any
 * existing file (checked before the work; ga_store_place_file() checks
 * again when placing). */
gboolean     ga_store_refuse_existing (const char         *path,
                                       GaStoreWriteFlags   flags,
                                       GError            **error);

/* Puts the finished temporary file @tmp at @dest (rename, or with
 * GA_STORE_WRITE_NO_REPLACE a link that fails on an existing file).
 * Removes @tmp on failure. */
gboolean     ga_store_place_file      (const char         *tmp,
                                       const char         *dest,
                                       GaStoreWriteFlags   flags,
                                       GError            **error);

/* Fails when @path is the store's own database file (ga_store_is_own_file()). */
gboolean     ga_store_refuse_own_file (GaStore     *store,
                                       const char  *path,
                                       GError     **error);

/* Deletes a database file with its -wal, -shm and -journal files. */
void         ga_store_remove_files    (const char  *path);

/* Current time as stored: ISO 8601 UTC with milliseconds. */
char        *ga_store_now             (void);
char        *ga_store_new_uuid        (void);
char        *ga_store_sha256_hex      (const void  *data,
                                       gsize        length);

/* Column helpers: NULL-safe copies of text columns. */
char        *ga_store_column_dup      (sqlite3_stmt *stmt,
                                       int           column);

/* Refuses changes to a final assessment (and a missing one). Call inside
 * the transaction that makes the change. */
gboolean     ga_store_check_writable  (GaStore     *store,
                                       gint64       assessment_id,
                                       GError     **error);

/* Sets the updated_at of assessment @assessment_id to @now, as part of an
 * open transaction that changed something in it. */
gboolean     ga_store_touch_assessment (GaStore    *store,
                                        gint64      assessment_id,
                                        const char *now,
                                        const char *doing,
                                        GError    **error);

/* Applies one value to the answers (or narratives) table and writes the
 * history row, as part of an open transaction. @new_value NULL removes it;
 * the value it has already changes nothing. */
gboolean     ga_store_apply_change    (GaStore           *store,
                                       GaHistorySubject   subject,
                                       gint64             assessment_id,
                                       const char        *key,
                                       const char        *new_value,
                                       const char        *now,
                                       GError           **error);
/* The current answer or narrative @key inside the open transaction (or
 * outside one); *@value NULL when there is none. */
gboolean     ga_store_read_change_value (GaStore           *store,
                                         GaHistorySubject   subject,
                                         gint64             assessment_id,
                                         const char        *key,
                                         char             **value,
                                         GError           **error);

/* ga-store-demo-supply.c: the demo answers of a supply chain template,
 * or NULL for another template. */
const char  *ga_store_demo_supply_chain (const char *template_id);

/* ga_store_apply_change() of an answer. */
gboolean     ga_store_apply_answer    (GaStore     *store,
                                       gint64       assessment_id,
                                       const char  *item_id,
                                       const char  *new_value,
                                       const char  *now,
                                       GError     **error);

/* Stores a template copy once per hash inside an open transaction and
 * returns its hash. @imported: mark it as a user-imported template. */
char        *ga_store_put_template    (GaStore     *store,
                                       const char  *template_id,
                                       const char  *version,
                                       const char  *kind,
                                       const char  *title,
                                       GBytes      *content,
                                       gboolean     imported,
                                       GError     **error);

/* The imported template @template_id at @version, or its latest version
 * when @version is NULL; GA_STORE_ERROR_NOT_FOUND when it has not been
 * imported. */
GaTemplateInfo *ga_store_find_imported_template (GaStore     *store,
                                                 const char  *template_id,
                                                 const char  *version,
                                                 GError     **error);

/* ga-store-members.c: FALSE with @error when @enterprise would change kind
 * while it is linked as a park or as a member. */
gboolean     ga_store_check_kind_change (GaStore            *store,
                                         const GaEnterprise *enterprise,
                                         GError            **error);

/* Emits GaStore::changed. */
void         ga_store_emit_changed    (GaStore     *store,
                                       gint64       assessment_id);

/* The largest stored answer, in bytes of its JSON text. A long text answer
 * (a description of a management system) is a few KiB, a table of a
 * hundred rows some tens of KiB; one MiB leaves room for far more and keeps
 * a 50 MB value from being saved, imported or loaded into every window. */
#define GA_STORE_MAX_ANSWER_BYTES (1024 * 1024)

/* Longest item id accepted: ids are short identifiers in templates; a
 * bound keeps garbage from the CLI or a package out of the keys. */
#define GA_STORE_MAX_ITEM_ID 256

/* The rules for the fields of an assessment that a user gives when making
 * one (ga_store_new_assessment_from_bytes()): a known kind, a title of 1 to
 * 200 characters, a year of 1900 to 2200 or none (0), a period of at most
 * 50 characters or none. Sets @error for the first field that breaks one. */
gboolean     ga_store_check_assessment_fields (const char  *kind,
                                               const char  *title,
                                               gint64       year,
                                               const char  *period,
                                               GError     **error);

/* Inserts an assessment (ga_store_new_assessment_from_bytes()) inside the
 * transaction the caller holds; returns its id or 0. */
gint64       ga_store_insert_assessment (GaStore     *store,
                                         gint64       enterprise_id,
                                         const char  *template_id,
                                         const char  *template_version,
                                         const char  *kind,
                                         GBytes      *template_json,
                                         const char  *title,
                                         int          year,
                                         const char  *period,
                                         GError     **error);

/* The author a history row of a carried-over answer or text is written
 * with: GA_STORE_CARRY_PREFIX, the year carried from, ':' and the author
 * ("carried-over:2025:Wang Li"). ga_store_list_history() splits it into
 * GaHistoryEntry.carried_from and .author. */
#define GA_STORE_CARRY_PREFIX "carried-over:"

/* ga-store-engine.c: the kind an assessment of a template of @kind is
 * stored with ("green-factory" …), and the title a template gives a new
 * assessment (its Chinese title, else its id). */
const char  *ga_store_template_title  (GaTemplate    *tmpl);

/* 1 to GA_STORE_MAX_ITEM_ID bytes of UTF-8 text. */
gboolean     ga_store_check_item_id   (const char  *item_id,
                                       GError     **error);

/* The checks of a save that need no template: at most
 * GA_STORE_MAX_ANSWER_BYTES of UTF-8 text holding one strict JSON value
 * nested at most GA_JSON_MAX_DEPTH levels. @length < 0: NUL-terminated. */
gboolean     ga_store_check_answer_json (const char  *item_id,
                                         const char  *json,
                                         gssize       length,
                                         GError     **error);

/* Reads the stored JSON text of the answer to @item_id (@length bytes, or
 * NUL-terminated when negative) against the pinned template @tmpl, with
 * the checks of a save (size, UTF-8, strict bounded JSON) and then
 * ga_answer_from_json(). Every message names the item. */
GaAnswer    *ga_store_parse_answer    (GaTemplate  *tmpl,
                                       const char  *item_id,
                                       const char  *json,
                                       gssize       length,
                                       GError     **error);

/* The template copy with content hash @hash, loaded once per store and
 * shared (a new reference). @origin names it in messages. */
GaTemplate  *ga_store_load_template_by_hash (GaStore     *store,
                                             const char  *hash,
                                             const char  *origin,
                                             GError     **error);

/* The rules for an evidence file's stored name (ga-store-evidence.c): not
 * empty, UTF-8, one path component, no control characters or
 * bidirectional overrides, at most 255 characters. */
gboolean     ga_store_check_evidence_name (const char  *name,
                                           GError     **error);
/* An evidence caption: UTF-8 text of at most 500 characters. */
gboolean     ga_store_check_evidence_note (const char  *note,
                                           GError     **error);
/* Refuses evidence of @size bytes above @store's limit, naming @name. */
gboolean     ga_store_refuse_too_large (GaStore     *store,
                                        const char  *name,
                                        guint64      size,
                                        GError     **error);

/* Checks every row of @store against the rules the application enforces
 * when a user types the same things (ga-store-validate.c): the exact schema
 * of its version and nothing more, enterprise fields as the enterprise
 * editor checks them, assessments' kinds, titles, years, statuses and
 * times, each answer and history value read against the pinned template,
 * evidence names and captions, size limits; a package (application id
 * GA_PACKAGE_APPLICATION_ID) must also hold exactly one assessment with
 * nothing beside it and a template copy that loads. Appends one
 * human-readable sentence per problem to @problems (char*). Returns FALSE
 * only when the database cannot be read. */
gboolean     ga_store_validate        (GaStore     *store,
                                       GPtrArray   *problems,
                                       GError     **error);

/* The rows of the projects table (schema 5) read as the editor writes them
 * (ga-store-projects.c): one problem per bad field, at most 50. */
gboolean     ga_store_validate_ref_tables (GaStore    *store,
                                          GPtrArray  *problems,
                                          GError    **error);
gboolean     ga_store_validate_projects (GaStore    *store,
                                         GPtrArray  *problems,
                                         GError    **error);

/* Appends a problem for each evidence file of the package @pkg larger than
 * the evidence limit of @store, which is to receive it. */
gboolean     ga_store_validate_evidence_sizes (GaStore    *pkg,
                                               GaStore    *store,
                                               GPtrArray  *problems,
                                               GError    **error);

/* ga-store-demo-water.c: the demo answers (an answers object as JSON) of
 * a water-saving template, or NULL for any other template. */
const char  *ga_store_demo_water      (GaTemplate  *tmpl);

G_END_DECLS
