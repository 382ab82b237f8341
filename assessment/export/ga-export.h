/* ga-export.h: Excel submission workbooks
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga_export_workbook() writes one assessment as the workbook a bureau asks
 * for: basic information, the scoring sheet, energy and CO2 (when the
 * template has tables), clean production (when the scheme is clean
 * production), a summary with charts, and the lookup tables the formulas
 * use. Every computed cell is a live Excel formula over the answer cells
 * with the engine's value cached in it, so a viewer that does not
 * recalculate shows the app's numbers and one that does reproduces them.
 * Text a user typed is always written as text, never as a formula.
 *
 * The export does not know the store: callers fill a GaEnterpriseInfo from
 * wherever the enterprise comes from.
 *
 * Failures: the workbook is written to a temporary file beside the target
 * and renamed over it only when complete, so a failed export never leaves
 * a half-written file and an existing file is only ever replaced by a
 * complete one (and only when GaExportOptions.overwrite is set).
 */
#pragma once

#include "ga-engine.h"

G_BEGIN_DECLS

#define GA_EXPORT_ERROR (ga_export_error_quark ())

typedef enum {
  GA_EXPORT_ERROR_EXISTS,   /* the target exists and overwriting was not asked for */
  GA_EXPORT_ERROR_PATH,     /* the target path cannot be used (missing folder, too long ...) */
  GA_EXPORT_ERROR_WRITE,    /* writing the file failed (disk full, permissions ...) */
  GA_EXPORT_ERROR_LIMIT,    /* an Excel limit was exceeded (text longer than a cell holds ...) */
  GA_EXPORT_ERROR_FORMULA,  /* a template formula could not be translated to Excel */
  GA_EXPORT_ERROR_INVALID,  /* invalid arguments or enterprise data */
} GaExportError;

GQuark ga_export_error_quark (void);

/* The self-evaluation report's basic-information table (基本信息表). Every
 * string may be NULL (left empty in the workbook); numbers are NaN when
 * unknown. Strings are UTF-8 and owned by the struct. */
typedef struct {
  char   *name;                    /* 工厂名称 / 申报单位 */
  char   *credit_code;             /* 统一社会信用代码 (18 characters) */
  char   *industry_code;           /* GB/T 4754 code(s), several separated by "、" */
  char   *industry_name;           /* 所属行业 */
  char   *region;                  /* 所在省市 */
  char   *address;                 /* 通讯地址 */
  char   *postal_code;             /* 邮编 */
  char   *factory_address;         /* 工厂地址 */
  char   *main_products;           /* 主要产品 */
  char   *ownership;               /* 单位性质 */
  char   *registration_authority;  /* 注册机关 */
  char   *founded;                 /* 成立日期, YYYY-MM-DD */
  char   *valid_until;             /* 有效期 (营业期限), YYYY-MM-DD or "long-term" (长期) */
  char   *legal_representative;    /* 法定代表人 */
  char   *legal_phone;             /* 法定代表人电话 */
  char   *contact_department;      /* 申报联系部门 */
  char   *contact_person;          /* 联系人 */
  char   *contact_phone;           /* 电话 */
  char   *contact_mobile;          /* 手机 */
  char   *fax;                     /* 传真 */
  char   *email;                   /* 邮箱 */
  char   *profile;                 /* 单位简介 */
  double  registered_capital;      /* 注册资本, 万元 */
  double  employees;               /* 从业人数 */
  double  output_value;            /* 工业总产值, 万元 */
  double  value_added;             /* 工业增加值, 万元 */
  double  revenue;                 /* 营业收入, 万元 */
  double  floor_area;              /* 占地面积, m² */
} GaEnterpriseInfo;

/* All strings NULL, all numbers NaN. */
GaEnterpriseInfo *ga_enterprise_info_new           (void);
GaEnterpriseInfo *ga_enterprise_info_copy          (const GaEnterpriseInfo *info);
void              ga_enterprise_info_free          (GaEnterpriseInfo       *info);

/* From a JSON object whose members are the field names above
 * ({"name": "…", "credit_code": "…", "employees": 320, …}). Unknown members,
 * wrong types and non-finite numbers are refused with GA_EXPORT_ERROR_INVALID
 * naming the member. */
GaEnterpriseInfo *ga_enterprise_info_new_from_json (JsonNode               *node,
                                                    GError                **error);
GaEnterpriseInfo *ga_enterprise_info_new_from_file (const char             *path,
                                                    GError                **error);

/* The local summary tables of a green-manufacturing round (附件2 培育计划,
 * 附件3 绿色绩效指标, 附件4 绿色化改造项目; docs/workbook.md). Their columns
 * are inferred, not taken from an official form, and the workbook says so.
 * The caller gathers the figures (the export does not know the store). */

/* One year of 附件3; NaN where nothing is known (an empty cell). */
typedef struct {
  int     year;
  double  output_value;        /* 工业总产值, 万元 */
  double  value_added;         /* 工业增加值, 万元 */
  double  energy;              /* 综合能耗, tce */
  double  energy_per_product;  /* 单位产品综合能耗, kgce per product unit */
  double  co2;                 /* CO2 排放量, t */
  double  water;               /* 取水量, m³ */
  double  solid_waste;         /* 一般工业固体废物产生量, t */
  double  waste_use_rate;      /* 一般工业固体废物综合利用率, % */
} GaExportYear;

/* One row of 附件4, its type and progress already as labels in the
 * workbook's language. */
typedef struct {
  char   *name;
  char   *type;
  char   *content;
  double  investment;          /* 万元; NaN = not given */
  char   *start;               /* YYYY-MM or YYYY-MM-DD; may be NULL */
  char   *end;
  double  energy_saving;       /* tce a year */
  double  co2_cut;             /* t a year */
  double  water_saving;        /* m³ a year */
  char   *progress;
} GaExportProject;

typedef enum {
  GA_EXPORT_CATEGORY_NONE,     /* not known: the cell stays empty */
  GA_EXPORT_CATEGORY_FACTORY,  /* 绿色工厂 */
} GaExportCategory;

typedef enum {
  GA_EXPORT_LEVEL_NONE,        /* not given: a drop-down to choose from */
  GA_EXPORT_LEVEL_NATIONAL,    /* 国家级 */
  GA_EXPORT_LEVEL_PROVINCIAL,  /* 省级 */
  GA_EXPORT_LEVEL_MUNICIPAL,   /* 市级 */
} GaExportLevel;

typedef struct {
  GaExportCategory  category;  /* 类别 */
  GaExportLevel     level;     /* 拟申报层级 */
  int               plan_year; /* 计划申报年份; 0 = not given */
  GArray           *years;     /* GaExportYear, oldest first */
  GPtrArray        *projects;  /* GaExportProject* */
} GaExportLocalTables;

GaExportLocalTables *ga_export_local_tables_new  (void);
void                 ga_export_local_tables_free (GaExportLocalTables *tables);
void                 ga_export_project_free      (GaExportProject     *project);
/* "national", "provincial", "municipal" (or 国家级, 省级, 市级); FALSE for
 * anything else. */
gboolean             ga_export_level_from_string (const char          *text,
                                                  GaExportLevel       *level);

/* What a workbook holds, counted while it is written: cells by kind, the
 * text they carry, merged ranges, charts, data validations and notes. */
typedef struct _GaExportCounts {
  guint  sheets;
  guint  rows;              /* rows written, summed over the sheets */
  guint  numbers;
  guint  booleans;
  guint  blanks;
  guint  strings;           /* string cells */
  guint  unique_strings;    /* distinct texts among them */
  gsize  string_bytes;      /* UTF-8 bytes of the distinct texts */
  guint  formulas;
  guint  text_formulas;     /* formulas whose cached result is text */
  gsize  formula_bytes;     /* the formulas' text */
  gsize  result_bytes;      /* the text results cached in them */
  guint  merges;
  guint  validations;
  gsize  validation_bytes;  /* their prompts' titles and messages */
  guint  comments;
  guint  charts;
} GaExportCounts;

typedef struct {
  const GaEnterpriseInfo *enterprise;  /* may be NULL: the fields stay empty */
  const char *assessment_name;         /* "2025 年度绿色工厂自评价"; may be NULL */
  const char *period;                  /* 评价期, free text ("2025-01-01 至 2025-12-31"); may be NULL */
  const char *date;                    /* 报告日期 YYYY-MM-DD; NULL = today */
  const char *language;                /* "zh_CN" (default) or "en": headings and template texts */
  /* Evidence attached to items: item id -> GPtrArray of char* (file names);
   * may be NULL. The expected documents come from the template. */
  GHashTable *evidence;
  /* Creation time stored in the document properties (Unix seconds);
   * 0 = now. A fixed value gives byte-identical sheets for golden tests. */
  gint64      created;
  /* Replace an existing file (atomically). Without it an existing file is
   * refused with GA_EXPORT_ERROR_EXISTS. */
  gboolean    overwrite;
  /* When not NULL (a GHashTable of strings to strings made with
   * g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free)), it
   * receives where things are, as absolute references such as
   * "'评分表'!$K$12": item ids (the cell formulas read), "score:ID" and
   * "max:ID" (scored and veto items), section ids (the subtotal), output
   * ids, "TABLE.COLUMN" (the column's range), and "total", "max", "bonus",
   * "veto", "grade", "pass", "Y_I", "Y_II", "Y_III", "level",
   * "level_label" where the workbook has them, and "conclusion" and
   * "conclusion:info" (the sentence that states the result, on the
   * summary and the basic-information sheets). Item ids of compliance,
   * yes/no and choice items point to cells that hold the labels the user
   * sees (符合, 是, an option's label). For checks and for tools that
   * point from a result to its cell. */
  GHashTable *cells;
  /* When not NULL, the workbook also holds the local summary tables
   * 附件2, 附件3 and 附件4, before the sources sheet. */
  const GaExportLocalTables *local_tables;
  /* When not NULL, receives what the workbook holds (ga_export_counts),
   * for the benchmark that writes the same with bare libxlsxwriter. */
  struct _GaExportCounts *counts;
} GaExportOptions;

/* Writes the workbook of the assessment held by @engine (its template,
 * answers and current results) to @path. @options may be NULL. */
gboolean          ga_export_workbook               (GaEngine               *engine,
                                                    const GaExportOptions  *options,
                                                    const char             *path,
                                                    GError                **error);

/* A file name for an assessment in a batch: the enterprise name (or
 * @fallback) and @suffix, with characters that file systems refuse
 * replaced, e.g. "某某化工有限公司-2025.xlsx". */
char             *ga_export_file_name              (const char             *enterprise_name,
                                                    const char             *suffix,
                                                    const char             *fallback);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaEnterpriseInfo, ga_enterprise_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaExportLocalTables, ga_export_local_tables_free)

G_END_DECLS
