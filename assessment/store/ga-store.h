/* ga-store.h: the durable SQLite store (enterprises, assessments, answers,
 * history, evidence, templates, exchange packages)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite file in WAL mode. Every call that changes something is one
 * transaction that is durable when the call returns (docs/storage.md says
 * why and what that costs). Failures leave the database as it was and set a
 * GError in GA_STORE_ERROR (or GA_CODES_ERROR for enterprise codes) whose
 * message says what happened and what to do.
 *
 * Answers are stored as the JSON text ga_answer_to_json() produces; this
 * part of the store treats it as opaque, so saving never needs the template.
 * The functions that need the engine are in ga-store-engine.h.
 *
 * A GaStore (its connection and cached statements) is used by one thread
 * at a time. A worker thread (an export, an import) opens its own GaStore
 * on the same file: in WAL mode readers never wait for the writer.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "ga-codes.h"

G_BEGIN_DECLS

#define GA_STORE_ERROR (ga_store_error_quark ())

typedef enum {
  GA_STORE_ERROR_OPEN,        /* the file cannot be opened or created (permissions, folder) */
  GA_STORE_ERROR_CORRUPT,     /* not a database file, or damaged */
  GA_STORE_ERROR_NOT_STORE,   /* an SQLite file, but not a GreenAssess database or package */
  GA_STORE_ERROR_NEWER,       /* written by a newer GreenAssess; left untouched */
  GA_STORE_ERROR_READ_ONLY,   /* the file cannot be written, or the assessment is final */
  GA_STORE_ERROR_FULL,        /* the disk (or the database's size limit) is full */
  GA_STORE_ERROR_BUSY,        /* another program holds the database locked */
  GA_STORE_ERROR_NOT_FOUND,   /* no such enterprise, assessment, evidence or template */
  GA_STORE_ERROR_INVALID,     /* bad input (JSON, names, numbers); the message says which */
  GA_STORE_ERROR_EXISTS,      /* duplicate credit code, assessment already imported */
  GA_STORE_ERROR_TOO_LARGE,   /* evidence over the size limit */
  GA_STORE_ERROR_NO_HISTORY,  /* nothing to undo or redo */
  GA_STORE_ERROR_FAILED,      /* any other SQLite error; the message has SQLite's text */
} GaStoreError;

GQuark ga_store_error_quark (void);

/* Schema version written to PRAGMA user_version. Older databases are
 * migrated forward (after a backup); newer ones are refused. */
#define GA_STORE_SCHEMA_VERSION 7

/* PRAGMA application_id of a store and of an exchange package ("GAst",
 * "GApk"), so that neither is mistaken for the other or for a foreign file. */
#define GA_STORE_APPLICATION_ID   0x47417374
#define GA_PACKAGE_APPLICATION_ID 0x4741706b

/* Default limit of one evidence file; ga_store_set_evidence_limit(). */
#define GA_STORE_DEFAULT_EVIDENCE_LIMIT (50 * 1024 * 1024)

#define GA_TYPE_STORE (ga_store_get_type ())
G_DECLARE_FINAL_TYPE (GaStore, ga_store, GA, STORE, GObject)

/* How a call that writes a file (a backup, a package, an evidence file)
 * treats a file already at the target path. Either way the file is written
 * beside the target first and put in place only when complete, and the
 * database itself (or its -wal, -shm, -journal files) is never a target. */
typedef enum {
  GA_STORE_WRITE_REPLACE    = 0,       /* replace it */
  GA_STORE_WRITE_NO_REPLACE = 1 << 0,  /* leave it and fail with GA_STORE_ERROR_EXISTS */
} GaStoreWriteFlags;

/* g_get_user_data_dir()/greenassess/greenassess.db */
char        *ga_store_get_default_path    (void);

/* Opens @path, creating it (and its folder) when it does not exist, and
 * migrates an older schema after copying the file to
 * "@path.v<old>-<time>.bak". A newer, foreign or damaged file is refused
 * without being written to. A file that cannot be written (a read-only
 * disk or folder, no permission) is opened for reading only: every write
 * then fails with GA_STORE_ERROR_READ_ONLY, and ga_store_is_read_only()
 * says so beforehand. */
GaStore     *ga_store_open                (const char    *path,
                                           GError       **error);
/* Opens an existing database for reading only: no migration, no backup,
 * nothing written (`db check`). An older schema is reported by
 * ga_store_get_schema_version(); only reading calls are meaningful. */
GaStore     *ga_store_open_read_only      (const char    *path,
                                           GError       **error);
const char  *ga_store_get_path            (GaStore       *store);
gboolean     ga_store_is_read_only        (GaStore       *store);
/* Why the store is read-only ("it is on a read-only disk" …), or NULL. */
const char  *ga_store_get_read_only_reason (GaStore      *store);
int          ga_store_get_schema_version  (GaStore       *store);
/* The path of the backup taken before the last migration, or NULL. */
const char  *ga_store_get_migration_backup (GaStore      *store);
/* A message about a file written under the temporary name @tmp names
 * @path instead (by its display name): the user knows only @path. */
void         ga_store_error_rename        (GError        *error,
                                           const char    *tmp,
                                           const char    *path);

/* Recovers what the (damaged) database behind @store still holds into a
 * new database at @dest, which must not exist. @store is only read (open
 * it with ga_store_open_read_only()). One line per table is added to
 * @report: rows recovered, rows lost, rows left out because what they
 * belong to was lost, and what `db check` still finds in the copy. */
gboolean     ga_store_repair_to           (GaStore       *store,
                                           const char    *dest,
                                           GPtrArray     *report,
                                           GError       **error);
/* The connection, for tests and tools (benchmarks, checks). Do not change
 * the schema through it. */
sqlite3     *ga_store_get_handle          (GaStore       *store);

/* Who is recorded in the history; defaults to g_get_real_name() or the
 * login name. */
void         ga_store_set_author          (GaStore       *store,
                                           const char    *author);
const char  *ga_store_get_author          (GaStore       *store);

/* A consistent copy of the whole database (sqlite3_backup), written to a
 * temporary file beside @dest and renamed into place: @dest is never left
 * half-written. */
gboolean     ga_store_backup              (GaStore       *store,
                                           const char    *dest,
                                           GError       **error);

/* ga_store_backup() with a choice about an existing @dest. */
gboolean     ga_store_backup_to           (GaStore            *store,
                                           const char         *dest,
                                           GaStoreWriteFlags   flags,
                                           GError            **error);
/* TRUE when @path names the database file of @store or one of its -wal,
 * -shm and -journal files (by name or as the same file). */
gboolean     ga_store_is_own_file         (GaStore       *store,
                                           const char    *path);

/* PRAGMA integrity_check, PRAGMA foreign_key_check and the SHA-256 of
 * every evidence file (a damaged one is named with its evidence id, file
 * name, assessment and item) and template copy; then the exact schema, and
 * every row against the rules the application enforces when a user types
 * it (enterprise fields, assessment fields and status, each answer and
 * history value against the pinned template, evidence names, sizes).
 * Returns FALSE with @error only when the checks could not run; problems
 * found are added to @problems (strings) and the return value is still
 * TRUE. */
gboolean     ga_store_check               (GaStore       *store,
                                           GPtrArray     *problems,
                                           GError       **error);

/* ------------------------------------------------------------------ */
/* Enterprises                                                         */

/* What an enterprise record stands for (schema 7): a factory (工厂, every
 * enterprise of an earlier schema) or a green industrial park (园区), which
 * lists its member enterprises. */
typedef enum {
  GA_ENTERPRISE_FACTORY,
  GA_ENTERPRISE_PARK,
} GaEnterpriseKind;

/* "factory", "park" */
const char   *ga_enterprise_kind_to_string (GaEnterpriseKind  kind);
/* "factory"/"工厂", "park"/"园区" (any case); FALSE for anything else. */
gboolean      ga_enterprise_kind_from_string (const char       *text,
                                              GaEnterpriseKind *kind);

typedef struct {
  gint64   id;                   /* 0 before it is added */
  char    *uuid;
  char    *name;
  char    *credit_code;          /* 统一社会信用代码, validated (GB 32100-2015) */
  char    *industry;             /* GB/T 4754-2017 section "C" or division "26" */
  char    *region;               /* GB/T 2260 province-level code "350000" */
  char    *address;
  char    *legal_representative; /* 法定代表人 */
  char    *contact_name;
  char    *contact_phone;
  char    *contact_email;
  double   output_value;         /* 工业总产值, 万元; NaN = not given */
  double   value_added;          /* 工业增加值, 万元; NaN = not given */
  gint64   employees;            /* 从业人员; -1 = not given */
  /* What the 基本信息表 of a self-evaluation report asks for (schema 3). */
  char    *postal_code;          /* 邮编, six digits */
  char    *ownership;            /* 单位性质: one of ga_enterprise_ownerships() */
  char    *registration_authority; /* 注册机关 */
  double   registered_capital;   /* 注册资本, 万元; NaN = not given */
  char    *founded_on;           /* 成立日期, YYYY-MM-DD */
  char    *valid_until;          /* 营业期限: YYYY-MM-DD or "long-term" (长期) */
  char    *legal_representative_phone;
  char    *contact_department;   /* 申报工作联系部门 */
  char    *contact_mobile;       /* 手机 */
  char    *fax;                  /* 传真 */
  char    *main_products;        /* 主要产品 */
  char    *profile;              /* 单位简介: main business, production, honours */
  gboolean demo;                 /* created by ga_store_create_demo() */
  GaEnterpriseKind kind;         /* factory or park (schema 7) */
  char    *created_at;           /* ISO 8601 UTC */
  char    *updated_at;
} GaEnterprise;

/* 单位性质 as the report's 填写说明 lists them: ids stored, with the Chinese
 * and English labels. NULL-terminated. */
typedef struct {
  const char *id;
  const char *label_zh;
  const char *label_en;
} GaOwnership;

const GaOwnership *ga_enterprise_ownerships (void);
const GaOwnership *ga_enterprise_find_ownership (const char *id);

GaEnterprise *ga_enterprise_new           (void);
GaEnterprise *ga_enterprise_copy          (const GaEnterprise *enterprise);
void          ga_enterprise_free          (GaEnterprise       *enterprise);

/* The checks ga_store_add_enterprise() makes, without adding: every bad
 * field is named, one per line of the message. */
gboolean      ga_enterprise_validate      (const GaEnterprise *enterprise,
                                           GError            **error);

/* Validates and adds @enterprise (its id, uuid and timestamps are ignored)
 * and returns the new id, or 0 with @error. The credit code is normalised
 * (ga_credit_code_normalize()) and must be unique; the industry is stored
 * as given when valid ("C26" is stored as "26"), the region as the
 * province-level code. */
gint64        ga_store_add_enterprise     (GaStore            *store,
                                           const GaEnterprise *enterprise,
                                           GError            **error);
/* Replaces every field of the enterprise with id @enterprise->id. */
gboolean      ga_store_update_enterprise  (GaStore            *store,
                                           const GaEnterprise *enterprise,
                                           GError            **error);
GaEnterprise *ga_store_get_enterprise     (GaStore            *store,
                                           gint64              id,
                                           GError            **error);
/* NULL without an error when no enterprise has @credit_code. */
GaEnterprise *ga_store_find_enterprise    (GaStore            *store,
                                           const char         *credit_code,
                                           GError            **error);
/* Deletes the enterprise with its assessments, answers, history and
 * evidence. */
gboolean      ga_store_delete_enterprise  (GaStore            *store,
                                           gint64              id,
                                           GError            **error);

/* ------------------------------------------------------------------ */
/* Assessments                                                         */

typedef enum {
  GA_ASSESSMENT_DRAFT,
  GA_ASSESSMENT_FINAL,   /* read-only until reopened */
} GaAssessmentStatus;

typedef struct {
  gint64              id;
  char               *uuid;
  gint64              enterprise_id;
  char               *template_id;
  char               *template_version;
  char               *template_hash;    /* SHA-256 (hex) of the pinned template copy */
  char               *kind;             /* green-factory, clean-production, energy-audit, custom */
  char               *title;
  int                 year;             /* 0 = not given */
  char               *period;           /* free text ("2025", "2025H1"); may be NULL */
  GaAssessmentStatus  status;
  char               *created_at;
  char               *updated_at;
  char               *finalized_at;     /* when it was last made final; NULL for drafts */
  char               *finalized_by;
  guint               n_answers;        /* filled by get/list_assessments */
} GaAssessment;

GaAssessment *ga_assessment_copy          (const GaAssessment *assessment);
void          ga_assessment_free          (GaAssessment       *assessment);
const char   *ga_assessment_status_to_string (GaAssessmentStatus status);

/* One row of the start list: an enterprise and its most recently updated
 * assessment (NULL when it has none). */
typedef struct {
  GaEnterprise *enterprise;
  GaAssessment *latest;
  guint         n_assessments;
} GaEnterpriseSummary;

void          ga_enterprise_summary_free  (GaEnterpriseSummary *summary);

/* GaEnterpriseSummary*, by name. */
GPtrArray    *ga_store_list_enterprises   (GaStore            *store,
                                           GError            **error);

/* Creates an assessment pinned to a copy of the template whose JSON is
 * @template_json (id, version and kind as the template declares them; the
 * copy is stored once per SHA-256). Returns the new id or 0.
 * ga_store_new_assessment() in ga-store-engine.h is the usual entry point. */
gint64        ga_store_new_assessment_from_bytes (GaStore     *store,
                                                  gint64       enterprise_id,
                                                  const char  *template_id,
                                                  const char  *template_version,
                                                  const char  *kind,
                                                  GBytes      *template_json,
                                                  const char  *title,
                                                  int          year,
                                                  const char  *period,
                                                  GError     **error);
GaAssessment *ga_store_get_assessment     (GaStore            *store,
                                           gint64              id,
                                           GError            **error);
/* Finds an assessment by numeric id, full UUID or a unique UUID prefix of
 * at least 6 characters (what the CLI accepts). Returns 0 with @error. */
gint64        ga_store_resolve_assessment (GaStore            *store,
                                           const char         *ref,
                                           GError            **error);
/* GaAssessment*, newest first; @enterprise_id 0 lists all. */
GPtrArray    *ga_store_list_assessments   (GaStore            *store,
                                           gint64              enterprise_id,
                                           GError            **error);
/* FINAL makes the assessment read-only; DRAFT reopens it. */
gboolean      ga_store_set_assessment_status (GaStore           *store,
                                              gint64             id,
                                              GaAssessmentStatus status,
                                              GError           **error);
gboolean      ga_store_delete_assessment  (GaStore            *store,
                                           gint64              id,
                                           GError            **error);
/* The pinned template copy (JSON bytes), or NULL with @error. */
GBytes       *ga_store_get_template_copy  (GaStore            *store,
                                           const char         *hash,
                                           GError            **error);

/* ------------------------------------------------------------------ */
/* Answers and history                                                 */

/* Answers enter and leave the store typed: ga_store_set_answer(),
 * ga_store_get_typed_answer() and ga_store_load_answer_set*() in
 * ga-store-engine.h check them against the pinned template, and front
 * ends use those. The functions below work on the stored JSON form, for
 * what carries answers as they are stored (packages, repair, `answer list
 * --json`) and for the store's own tests.
 *
 * Saves the answer to @item_id (@json_value: the JSON text of the answer,
 * NULL removes it) in one durable transaction that also appends a history
 * row (author, time, item, old and new value) and empties the redo stack.
 * Refused for a final assessment. Saving the value the item already has
 * changes nothing and returns TRUE. */
/* Removes the answer to @item_id, whatever it holds (even one the template
 * no longer reads), as one change in the history. */
gboolean      ga_store_clear_answer       (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *item_id,
                                           GError            **error);
gboolean      ga_store_save_answer        (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *item_id,
                                           const char         *json_value,
                                           GError            **error);
/* The stored JSON text, or NULL (no error) when the item has no answer. */
char         *ga_store_get_answer         (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *item_id,
                                           GError            **error);
/* item id -> JSON text (both owned by the table). */
GHashTable   *ga_store_load_answers       (GaStore            *store,
                                           gint64              assessment_id,
                                           GError            **error);

typedef enum {
  GA_HISTORY_EDIT,   /* a save */
  GA_HISTORY_UNDO,   /* an undo restored the old value of an edit */
  GA_HISTORY_REDO,   /* a redo applied an undone edit again */
} GaHistoryAction;

/* What a change of the history changed (schema 4): an answer, or the
 * user's text of a part of the self-evaluation report. Both share one
 * undo stack per assessment. */
typedef enum {
  GA_HISTORY_ANSWER,
  GA_HISTORY_NARRATIVE,
} GaHistorySubject;

typedef struct {
  gint64           id;
  char            *item_id;    /* the item; for a narrative, the part key */
  char            *old_value;  /* JSON text (a narrative: its text), NULL = none */
  char            *new_value;
  char            *author;
  char            *at;         /* ISO 8601 UTC */
  GaHistoryAction  action;
  GaHistorySubject subject;
  /* Written when the assessment was started from an earlier one
   * (ga_store_new_assessment_from() in ga-store-engine.h): the value came
   * from that assessment, whose year is @carried_from (0: it had none). */
  gboolean         carried_over;
  int              carried_from;
} GaHistoryEntry;

void          ga_history_entry_free       (GaHistoryEntry     *entry);
const char   *ga_history_action_to_string (GaHistoryAction     action);

/* GaHistoryEntry*, oldest first. */
GPtrArray    *ga_store_list_history       (GaStore            *store,
                                           gint64              assessment_id,
                                           GError            **error);

/* Undo restores the old value of the most recent edit that is not undone
 * and records that as a history row; redo applies the most recently undone
 * edit again. A new save after undo empties the redo stack. @item_id
 * (optional) receives the item that changed. GA_STORE_ERROR_NO_HISTORY
 * when there is nothing to undo or redo. */
gboolean      ga_store_undo               (GaStore            *store,
                                           gint64              assessment_id,
                                           char              **item_id,
                                           GError            **error);
gboolean      ga_store_redo               (GaStore            *store,
                                           gint64              assessment_id,
                                           char              **item_id,
                                           GError            **error);
/* Undo (or with @redo, redo) whatever the last change was, and say what it
 * changed: *@subject an answer or a narrative, *@key its item id or part
 * key (both optional). */
gboolean      ga_store_undo_change        (GaStore            *store,
                                           gint64              assessment_id,
                                           gboolean            redo,
                                           GaHistorySubject   *subject,
                                           char              **key,
                                           GError            **error);
gboolean      ga_store_can_undo           (GaStore            *store,
                                           gint64              assessment_id);
gboolean      ga_store_can_redo           (GaStore            *store,
                                           gint64              assessment_id);

/* ------------------------------------------------------------------ */
/* Narratives: the user's text of the report's parts (schema 4)        */

/* The longest narrative, in bytes of UTF-8: a part of a report is a few
 * pages at most; a MiB keeps a pasted document out of every window. */
#define GA_STORE_MAX_NARRATIVE_BYTES (1024 * 1024)
/* The longest part key ("green-work.S_EN"). */
#define GA_STORE_MAX_PART_KEY 128

/* A part key: 1 to GA_STORE_MAX_PART_KEY characters, words of ASCII
 * letters, digits, '_' and '-' joined by '.' ("factory",
 * "green-work.S_INF"). Which keys an assessment's report has is the
 * outline's business (ga-narrative.h in the services); the store keeps
 * any well-formed key, as it keeps answers without reading the template. */
gboolean      ga_narrative_check_part     (const char         *part,
                                           GError            **error);
/* A narrative as stored: at most GA_STORE_MAX_NARRATIVE_BYTES of UTF-8
 * text, not empty, without control characters but line breaks and tabs.
 * @length < 0: NUL-terminated. */
gboolean      ga_narrative_check_text     (const char         *part,
                                           const char         *text,
                                           gssize              length,
                                           GError            **error);
/* @text as it is stored: line ends as "\n", and NULL when it holds nothing
 * but white space (which removes the narrative). */
char         *ga_narrative_normalize      (const char         *text);

/* Saves the text of report part @part (NULL, "" or white space removes it)
 * in one durable transaction with its history row, as an answer is saved:
 * undo and redo take it back and forth, in turn with the answers. Saving
 * the text the part has changes nothing. Refused for a final assessment. */
gboolean      ga_store_set_narrative      (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *part,
                                           const char         *text,
                                           GError            **error);
/* The text of @part, or NULL (no error) when it has none. */
char         *ga_store_get_narrative      (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *part,
                                           GError            **error);
/* part key -> text (both owned by the table); empty for a database of
 * schema 3 or older opened for reading. */
GHashTable   *ga_store_load_narratives    (GaStore            *store,
                                           gint64              assessment_id,
                                           GError            **error);

/* ------------------------------------------------------------------ */
/* Green-retrofit projects (绿色化改造项目) of an enterprise (schema 5)   */

/* The kinds of project the local summary table 附件4 lists: the key is
 * stored, the label shown. NULL-terminated. */
typedef struct {
  const char *id;        /* energy, water, pollution, carbon, digital */
  const char *label_zh;  /* 节能, 节水, 减污, 降碳, 数字化 */
  const char *label_en;
} GaProjectType;

const GaProjectType *ga_project_types      (void);
/* The type with key @id or with either label ("节能"); NULL if none. */
const GaProjectType *ga_project_find_type  (const char *id);

/* Where a project stands: the three states a summary table's 进度 column
 * asks for (计划, 在建, 已完成). */
typedef enum {
  GA_PROJECT_PLANNED,
  GA_PROJECT_IN_PROGRESS,
  GA_PROJECT_DONE,
} GaProjectProgress;

/* "planned", "in-progress", "done" */
const char   *ga_project_progress_to_string (GaProjectProgress  progress);
/* The key or either label; FALSE for anything else. */
gboolean      ga_project_progress_from_string (const char        *text,
                                               GaProjectProgress *progress);
/* 计划 / 在建 / 已完成, or the English label when @language starts with "en". */
const char   *ga_project_progress_label   (GaProjectProgress   progress,
                                           const char         *language);

typedef struct {
  gint64             id;             /* 0 before it is added */
  char              *uuid;
  gint64             enterprise_id;
  char              *name;           /* 项目名称, 1 to 200 characters */
  char              *type;           /* a GaProjectType id */
  char              *content;        /* 建设内容, at most 2,000 characters */
  double             investment;     /* 总投资, 万元; NaN = not given */
  char              *start_on;       /* YYYY-MM or YYYY-MM-DD; NULL = not given */
  char              *end_on;         /* the same, not before start_on */
  double             energy_saving;  /* 预计年节能量, tce; NaN = not given */
  double             co2_cut;        /* 预计年减碳量, tCO2; NaN */
  double             water_saving;   /* 预计年节水量, m³; NaN */
  GaProjectProgress  progress;
  char              *note;           /* 备注, at most 500 characters */
  char              *created_at;
  char              *updated_at;
} GaProject;

/* Every number NaN, progress planned. */
GaProject    *ga_project_new              (void);
GaProject    *ga_project_copy             (const GaProject    *project);
void          ga_project_free             (GaProject          *project);

/* The checks ga_store_add_project() makes, without adding: every bad field
 * is named, one per line of the message (GA_STORE_ERROR_INVALID). */
gboolean      ga_project_validate         (const GaProject    *project,
                                           GError            **error);

/* Validates and adds @project to the enterprise @project->enterprise_id
 * (its id, uuid and times are ignored unless the uuid is set) and returns
 * the new id, or 0 with @error. Names are trimmed. */
gint64        ga_store_add_project        (GaStore            *store,
                                           const GaProject    *project,
                                           GError            **error);
/* Replaces every field of the project with id @project->id (not its
 * enterprise). */
gboolean      ga_store_update_project     (GaStore            *store,
                                           const GaProject    *project,
                                           GError            **error);
GaProject    *ga_store_get_project        (GaStore            *store,
                                           gint64              id,
                                           GError            **error);
/* GaProject* of the enterprise in the order they were added; empty for a
 * database of schema 4 or older opened for reading. */
GPtrArray    *ga_store_list_projects      (GaStore            *store,
                                           gint64              enterprise_id,
                                           GError            **error);
gboolean      ga_store_delete_project     (GaStore            *store,
                                           gint64              id,
                                           GError            **error);

/* ------------------------------------------------------------------ */
/* Members of a green industrial park (schema 7, ga-store-members.c)   */

/* Adds the enterprise @member_id to the park @park_id. The park must be an
 * enterprise of kind park, the member a factory; a member already listed
 * is refused (GA_STORE_ERROR_EXISTS), and so are ids that do not exist
 * (GA_STORE_ERROR_NOT_FOUND) and a wrong kind (GA_STORE_ERROR_INVALID). */
gboolean      ga_store_add_park_member    (GaStore            *store,
                                           gint64              park_id,
                                           gint64              member_id,
                                           GError            **error);
/* Removes the member from the park; GA_STORE_ERROR_NOT_FOUND when it is
 * not one of its members. The member enterprise itself stays. */
gboolean      ga_store_remove_park_member (GaStore            *store,
                                           gint64              park_id,
                                           gint64              member_id,
                                           GError            **error);
/* GaEnterprise* of the park's members by name; empty for an enterprise
 * without members and for a database of schema 6 or older opened for
 * reading. */
GPtrArray    *ga_store_list_park_members  (GaStore            *store,
                                           gint64              park_id,
                                           GError            **error);

/* ------------------------------------------------------------------ */
/* Evidence                                                            */

typedef struct {
  gint64   id;
  gint64   assessment_id;
  char    *item_id;
  char    *sha256;      /* hex */
  char    *name;        /* original file name, as text (its display name) */
  char    *mime_type;
  guint64  size;
  char    *author;
  char    *added_at;
  char    *note;        /* caption ("营业执照, page 2"); may be NULL */
} GaEvidence;

void          ga_evidence_free            (GaEvidence         *evidence);

void          ga_store_set_evidence_limit (GaStore            *store,
                                           guint64             max_bytes);
guint64       ga_store_get_evidence_limit (GaStore            *store);

/* Attaches @file to @item_id. The bytes are stored once per SHA-256 (the
 * same file attached twice, anywhere, takes its space once). Refused over
 * the size limit or for a final assessment. Returns the evidence id. The
 * file is opened by its own name, which need not be UTF-8; the name stored
 * is its display name (g_filename_display_basename()), which is text.
 * ga_store_add_evidence_bytes() takes the @name to store: UTF-8 text, or a
 * file name whose display name is stored; only the last component is kept. */
gint64        ga_store_add_evidence       (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *item_id,
                                           GFile              *file,
                                           GError            **error);
gint64        ga_store_add_evidence_bytes (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *item_id,
                                           const char         *name,
                                           GBytes             *bytes,
                                           GError            **error);
/* GaEvidence*, in the order they were attached; @item_id NULL for all. */
GPtrArray    *ga_store_list_evidence      (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *item_id,
                                           GError            **error);
GBytes       *ga_store_get_evidence_bytes (GaStore            *store,
                                           gint64              evidence_id,
                                           GError            **error);
/* Writes the bytes of an evidence file, checked against their SHA-256, to
 * @path (written beside it and renamed: complete or absent). */
gboolean      ga_store_save_evidence      (GaStore            *store,
                                           gint64              evidence_id,
                                           const char         *path,
                                           GaStoreWriteFlags   flags,
                                           GError            **error);
gboolean      ga_store_remove_evidence    (GaStore            *store,
                                           gint64              evidence_id,
                                           GError            **error);
/* Sets the caption of an evidence file (NULL or "" removes it). */
gboolean      ga_store_set_evidence_note  (GaStore            *store,
                                           gint64              evidence_id,
                                           const char         *note,
                                           GError            **error);

/* ------------------------------------------------------------------ */
/* User-imported templates (validated in ga-store-engine.h)             */

typedef struct {
  char  *id;
  char  *version;
  char  *hash;
  char  *kind;
  char  *title;
  char  *imported_at;
} GaTemplateInfo;

void          ga_template_info_free       (GaTemplateInfo     *info);

/* The latest version of every imported template id (GaTemplateInfo*, by id). */
GPtrArray    *ga_store_list_templates     (GaStore            *store,
                                           GError            **error);
/* Every imported version of @template_id, latest first. */
GPtrArray    *ga_store_list_template_versions (GaStore        *store,
                                               const char     *template_id,
                                               GError        **error);
/* The JSON of an imported template; @version NULL = the latest. */
GBytes       *ga_store_get_template       (GaStore            *store,
                                           const char         *template_id,
                                           const char         *version,
                                           GError            **error);
/* Compares version strings part by part ("1.10.0" > "1.9.2"); numeric
 * parts numerically, others as text. */
int           ga_template_version_compare (const char         *a,
                                           const char         *b);

/* ------------------------------------------------------------------ */
/* Exchange packages                                                   */

typedef enum {
  GA_PACKAGE_IMPORT_DEFAULT = 0,
  /* An assessment whose UUID is already present is imported as a new
   * assessment (new UUID) instead of being refused. */
  GA_PACKAGE_IMPORT_AS_COPY = 1 << 0,
} GaPackageImportFlags;

/* Writes one assessment with its enterprise, template copy, answers,
 * narratives, history and evidence to @path (an SQLite file with its own application
 * id; see docs/storage.md). The file appears complete or not at all. */
gboolean      ga_store_export_package     (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *path,
                                           GError            **error);
/* ga_store_export_package() with a choice about an existing @path. */
gboolean      ga_store_export_package_to  (GaStore            *store,
                                           gint64              assessment_id,
                                           const char         *path,
                                           GaStoreWriteFlags   flags,
                                           GError            **error);
/* Imports a package in one transaction and returns the new assessment id.
 * The enterprise is matched by credit code (an existing one is kept as it
 * is); an assessment UUID already present is refused unless
 * GA_PACKAGE_IMPORT_AS_COPY is given. The package is first checked as
 * ga_store_check() checks a database, and its evidence files against
 * @store's evidence limit; a package with any problem is refused
 * (GA_STORE_ERROR_CORRUPT, naming @path and the first problems) and
 * nothing is imported. */
gint64        ga_store_import_package     (GaStore            *store,
                                           const char         *path,
                                           GaPackageImportFlags flags,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaProject, ga_project_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaEnterprise, ga_enterprise_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaAssessment, ga_assessment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaEnterpriseSummary, ga_enterprise_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaHistoryEntry, ga_history_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaEvidence, ga_evidence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaTemplateInfo, ga_template_info_free)

/* ------------------------------------------------------------------ */
/* Reference tables (schema 6; ga-refvalues.h)                         */

typedef struct _GaRefTable GaRefTable;

/* Saves @table (its rows as they are); a table of the same id and version
 * is replaced. Returns its row id, or 0 with @error set. */
gint64        ga_store_put_ref_table      (GaStore            *store,
                                           const GaRefTable   *table,
                                           GError            **error);
/* The imported tables, the latest import first. GaRefTable*, owned; an
 * empty list for a database older than schema 6. */
GPtrArray    *ga_store_list_ref_tables    (GaStore            *store,
                                           GError            **error);
/* What templates look values up in: the imported tables, then the
 * bundled ones. GaRefTable*, owned. */
GPtrArray    *ga_store_ref_tables_in_use  (GaStore            *store,
                                           GError            **error);
/* The GB/T 4754 industry of the assessment's enterprise ("" when none). */
char         *ga_store_assessment_industry (GaStore           *store,
                                            gint64             assessment_id,
                                            GError           **error);
/* Removes the imported table @id. */
gboolean      ga_store_remove_ref_table   (GaStore            *store,
                                           gint64              id,
                                           GError            **error);

G_END_DECLS
