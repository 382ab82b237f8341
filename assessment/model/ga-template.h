/* ga-template.h: assessment templates (checklists) as loaded from JSON
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A template is immutable once loaded: every structure below is read-only
 * for callers. docs/template-format.md describes the JSON.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ga-formula.h"

G_BEGIN_DECLS

#define GA_TEMPLATE_ERROR (ga_template_error_quark ())

typedef enum {
  GA_TEMPLATE_ERROR_JSON,     /* not JSON at all; message has line:column */
  GA_TEMPLATE_ERROR_INVALID,  /* JSON, but the template has problems (all listed) */
  GA_TEMPLATE_ERROR_NOT_FOUND,
} GaTemplateError;

GQuark ga_template_error_quark (void);

typedef enum {
  GA_TEMPLATE_KIND_GREEN_FACTORY,
  GA_TEMPLATE_KIND_CLEAN_PRODUCTION,
  GA_TEMPLATE_KIND_ENERGY_AUDIT,
  GA_TEMPLATE_KIND_GREEN_PARK,        /* 绿色工业园区 */
  GA_TEMPLATE_KIND_SUPPLY_CHAIN,      /* 绿色供应链管理企业 */
  GA_TEMPLATE_KIND_WATER_SAVING,      /* 节水型企业 */
  GA_TEMPLATE_KIND_ENERGY_DIAGNOSIS,  /* 工业节能诊断 */
  GA_TEMPLATE_KIND_ANNUAL_FILING,     /* 绿色工厂动态管理 (annual filing) */
  GA_TEMPLATE_KIND_CP_AUDIT,          /* 清洁生产审核 (the seven-stage audit) */
  GA_TEMPLATE_KIND_CUSTOM,
  GA_TEMPLATE_KIND_N_KINDS
} GaTemplateKind;

typedef enum {
  GA_ITEM_COMPLIANCE,   /* 符合 / 部分符合 / 不符合 (+ N/A) */
  GA_ITEM_YESNO,
  GA_ITEM_NUMBER,       /* with unit, bounds */
  GA_ITEM_CHOICE,       /* one option, options may carry points or a level */
  GA_ITEM_MULTI,        /* several options; value = number of options chosen */
  GA_ITEM_POINTS,       /* reviewer's points between 0 and the item's points (酌情给分) */
  GA_ITEM_TEXT,
  GA_ITEM_DATE,         /* ISO 8601 date as text */
  GA_ITEM_TABLE,        /* repeatable rows with typed and computed columns */
  GA_ITEM_COMPUTED,     /* value from a formula, nothing to answer */
} GaItemKind;

typedef enum {
  GA_NA_POLICY_EXCLUDE,      /* N/A points leave the maximum */
  GA_NA_POLICY_RENORMALISE,  /* the section keeps its maximum; earned points scale up */
  GA_NA_POLICY_AWARD,        /* N/A items earn their full points */
} GaNaPolicy;

typedef enum {
  GA_SCHEME_POINTS,            /* sum of points (green factory, audit checklists) */
  GA_SCHEME_CLEAN_PRODUCTION,  /* Y_I/Y_II/Y_III composite indices and the level table */
  GA_SCHEME_NONE,              /* no score, computed outputs only */
} GaScheme;

typedef enum {
  GA_CMP_LE, GA_CMP_LT, GA_CMP_GE, GA_CMP_GT, GA_CMP_EQ,
} GaComparator;

/* A bilingual text. Either may be NULL; ga_text_get() falls back. */
typedef struct {
  char *zh;
  char *en;
} GaText;

const char *ga_text_get (const GaText *text, const char *language /* "zh_CN" or "en" or NULL = current locale */);


typedef struct {
  char       *id;
  GaText      label;
  double      points;      /* NaN when the option gives no points */
  int         level;       /* 1..3 for clean-production qualitative options, 0 = below III */
  gboolean    fails;       /* choosing it fails a veto item */
} GaOption;

typedef struct _GaItem    GaItem;
typedef struct _GaSection GaSection;

/* A soft range ("plausible") of a number or computed item or column: a
 * value outside it is accepted, and the pre-submission check names it
 * (a figure typed in the wrong unit, a slipped decimal point). Unlike
 * min/max it never refuses an answer. */
typedef struct {
  double      min, max;          /* NaN when open on that side */
  char       *source;            /* where the range comes from */
  gboolean    verified;          /* FALSE: not confirmed against its source */
  char       *unverified_reason;
  int         except_column;     /* table columns: rows whose cell in this choice column ... */
  GPtrArray  *except_values;     /* ... holds one of these option ids (char*) are not
                                  * checked; -1 and NULL when every row is */
} GaPlausible;

/* The units a carrier's quantity may be given in (a choice column with
 * "units_of"): the unit its coefficient is per, the unit new rows start
 * with, and every unit of the same dimension in the units table. */
typedef struct {
  char        *coef_unit;     /* key of the units table: "kg" for kgce/kg */
  char        *default_unit;  /* the unit a new row starts with ("t") */
  GPtrArray   *allowed;       /* char*: keys of the units table, in its order */
} GaCarrierUnits;

typedef struct {
  char        *id;
  GaText       title;
  GaItemKind   kind;       /* NUMBER, TEXT, CHOICE, YESNO, DATE or COMPUTED */
  char        *unit;
  GaFormula   *formula;    /* COMPUTED columns: evaluated per row */
  GPtrArray   *options;    /* GaOption*, CHOICE columns; may come from a lookup table */
  char        *options_table; /* CHOICE column whose options are the keys of this lookup table */
  double       min, max;   /* NaN when unbounded */
  gboolean     required;   /* a row with this cell blank is incomplete */
  GaPlausible *plausible;  /* NUMBER and COMPUTED columns: soft range, or NULL */
  char        *units_of;   /* CHOICE over a units table: the column of the row's carrier */
  int          units_of_column;  /* its index in the table, -1 when none */
  GHashTable  *carrier_units;    /* carrier key (casefolded) -> GaCarrierUnits* */
} GaColumn;

typedef enum {
  GA_SCORE_NONE,        /* not scored (veto items, inputs, computed indicators) */
  GA_SCORE_COMPLIANCE,  /* points × {1, partial_factor, 0} */
  GA_SCORE_YESNO,       /* points if yes */
  GA_SCORE_OPTIONS,     /* the chosen option's points */
  GA_SCORE_POINTS,      /* the reviewer's points, clamped to [0, points] */
  GA_SCORE_INTERP,      /* points × clamp((x - baseline) / (leading - baseline), 0, 1); with
                         * baseline = leading, points when x meets it in the "better" way */
  GA_SCORE_BANDS,       /* first band whose threshold the value meets */
  GA_SCORE_FORMULA,     /* any formula giving points */
  GA_SCORE_LEVELS,      /* clean production: level I/II/III met, from benchmarks or options */
} GaScoreMethod;

typedef struct {
  GaFormula *threshold;
  double     points;
} GaBand;

typedef struct {
  GaScoreMethod  method;
  GaFormula     *formula;        /* FORMULA; for INTERP/BANDS/LEVELS the compiled equivalent */
  GaFormula     *baseline;       /* INTERP: 基准值 (expression) */
  GaFormula     *leading;        /* INTERP: 引领值 (expression) */
  const char    *better;         /* INTERP: "<=" lower is better, ">=" higher; NULL: not said */
  GaComparator   band_cmp;       /* BANDS */
  GPtrArray     *bands;          /* GaBand*, BANDS, in order */
  double         band_otherwise; /* BANDS: points when no band is met */
  GaComparator   level_cmp;      /* LEVELS: comparator of the benchmarks */
  GaFormula     *benchmark[3];   /* LEVELS: I, II, III (NULL = level not defined) */
  double         partial_factor; /* COMPLIANCE: share of points for 部分符合 (default 0.5) */
} GaScoreRule;

/* The sources an item's "prefill" may name: the enterprise record's
 * figures and the assessment's year (NULL-terminated). */
const char * const *ga_prefill_sources (void);

struct _GaItem {
  char         *id;
  GaItemKind    kind;
  GaText        title;
  GaText        requirement;   /* the requirement text shown to the user */
  GaText        guidance;      /* what to do: how to answer */
  GaText        guidance_evidence;  /* example evidence a reviewer accepts */
  GaText        guidance_failures;  /* common failures: what gets an answer sent back */
  GaText        guidance_source;    /* where the guidance comes from */
  char         *clause;        /* "GB/T 36132-2025 5.2.1" */
  char         *number;        /* what lists show before the title: ga_item_get_number() */
  char         *source;        /* provenance: standard and clause, or the note it comes from */
  gboolean      verified;      /* FALSE: the value is not confirmed against the official text */
  char         *unverified_reason;
  gboolean      mandatory;     /* 必选 (TRUE) / 可选 (FALSE) */
  gboolean      veto;          /* 一票否决: a failing answer fails the assessment */
  gboolean      limiting;      /* clean production 限定性指标 (*) */
  gboolean      bonus;         /* 附加项: points outside the base maximum */
  gboolean      na_allowed;    /* the user may answer 不适用 */
  double        points;        /* maximum points; NaN when not scored */
  GaFormula    *weight;        /* clean production ω_ij; may reference items (0.8/n) */
  char         *unit;
  double        min, max;      /* NUMBER bounds; NaN when unbounded */
  gboolean      integer;
  GPtrArray    *options;       /* GaOption*, CHOICE/MULTI */
  GPtrArray    *columns;       /* GaColumn*, TABLE */
  GPtrArray    *fixed_rows;    /* TABLE: JsonObject* prefilled rows (may be NULL) */
  GaFormula    *value;         /* COMPUTED */
  GaFormula    *applicable;    /* NULL = always; FALSE -> N/A (cascades from sections) */
  GaScoreRule   score;
  GPtrArray    *evidence;      /* char*: documents expected as evidence */
  GaSection    *section;       /* borrowed */
  guint         index;         /* position in ga_template_get_items() */
  char         *json_path;     /* "sections[2].items[5]" for messages */
  char         *format;        /* COMPUTED: display format ("0.00"), NULL = General */
  guint         min_rows;      /* TABLE: fewer answered rows leave the item incomplete */
  GaPlausible  *plausible;     /* NUMBER and COMPUTED: soft range, or NULL */
  char         *prefill;       /* NUMBER: where the value comes from while there is no
                                * answer ("enterprise.value_added"), NULL = nowhere */
};

struct _GaSection {
  char         *id;
  GaText        title;
  char         *clause;
  double        points;        /* NaN: the sum of the children's points */
  GaFormula    *weight;        /* clean production w_i; NULL otherwise */
  GaFormula    *applicable;
  GaNaPolicy    na_policy;     /* inherited from the template unless set */
  GPtrArray    *sections;      /* GaSection*, nested */
  GPtrArray    *items;         /* GaItem* directly in this section */
  GaSection    *parent;        /* borrowed, NULL at top level */
  guint         depth;         /* 0 for first-level indicators */
  guint         index;         /* position in ga_template_get_sections() */
  char         *json_path;
};

typedef struct {
  double  min_score;    /* grade when total >= min_score */
  GaText  label;
  char   *id;
} GaGrade;

typedef struct {
  int      level;              /* 1, 2, 3 */
  GaText   label;              /* 国际清洁生产领先水平 ... */
  double   min_index;          /* Y_level must be >= this (85, 85, 100) */
  gboolean limiting_at_level;  /* every limiting indicator must meet this level */
  int      others_min_level;   /* 0 = no rule; 2 = every non-limiting indicator meets II */
} GaLevelRule;

typedef struct {
  char      *id;
  GaText     title;
  char      *unit;
  GaFormula *formula;
  char      *format;           /* "0.00" etc. for display and export */
  GaText     description;
} GaOutput;

typedef struct {
  char        *id;
  GaText       title;
  char        *source;
  char        *version;
  gboolean     verified;
  char        *unverified_reason;
  GPtrArray   *columns;        /* char*: column names; column 0 is the key */
  GPtrArray   *column_units;   /* char* or NULL */
  GaText      *column_titles;  /* one per column: what a reader sees as its heading; both
                                * texts NULL where the template gives none */
  GPtrArray   *rows;           /* GaTableRow* */
  GHashTable  *row_by_key;     /* key (casefolded) -> GaTableRow* */
} GaLookupTable;

typedef struct {
  char        *key;
  GaText       label;
  GaValue     *cells;          /* one per column after the key */
  gboolean     verified;
  char        *note;           /* source / verification note of this row */
} GaTableRow;

typedef struct _GaTemplate GaTemplate;
/* The number lists show an item by: its clause when every item of the
 * template has a short, unique, numeric one ("5.2.1"), else its position
 * in its first-level section ("3.2"). Never NULL. */
const char *ga_item_get_number (const GaItem *item);
/* "number title" in @language (NULL = current locale): how every list
 * names an item. */
char       *ga_item_label      (const GaItem *item,
                                const char   *language);
/* TRUE when @clause reads as a number ("5.2.1", "4.3a"). */
gboolean    ga_clause_is_number (const char *clause);


/* Loading. Problems are collected over the whole template; on failure the
 * GError message lists every one, one per line, each starting with its JSON
 * path ("sections[2].items[5].score: unknown item 'E9' at column 14"). */
GaTemplate  *ga_template_new_from_data       (const char   *data,
                                              gssize        length,
                                              const char   *origin,
                                              GError      **error);
GaTemplate  *ga_template_new_from_file       (const char   *path,
                                              GError      **error);
/* A bundled template by id, from the GResource /io/github/greenassess/GreenAssess/templates/. */
GaTemplate  *ga_template_new_from_resource   (const char   *id,
                                              GError      **error);
/* Ids of the bundled templates, sorted. */
GStrv        ga_template_list_bundled        (void);
/* The largest template file read, in bytes: 64 MB, or the size in MB the
 * environment variable GREENASSESS_TEMPLATE_MAX_MB gives. */
gsize        ga_template_get_max_bytes       (void);

/* The same problems as a list (each a "path: message" string), for tools
 * that show them one by one. Returns NULL and sets @error only when @data
 * is not JSON. */
GPtrArray   *ga_template_validate_data       (const char   *data,
                                              gssize        length,
                                              GError      **error);

GaTemplate  *ga_template_ref                 (GaTemplate   *tmpl);
void         ga_template_unref               (GaTemplate   *tmpl);

const char  *ga_template_get_id              (GaTemplate   *tmpl);
const char  *ga_template_get_version         (GaTemplate   *tmpl);
/* SHA-256 (hex) of the template's bytes as loaded. */
const char  *ga_template_get_content_hash    (GaTemplate   *tmpl);
/* The bytes as loaded, for storing a copy with an assessment. */
GBytes      *ga_template_get_bytes           (GaTemplate   *tmpl);
GaTemplateKind ga_template_get_kind          (GaTemplate   *tmpl);
const GaText *ga_template_get_title          (GaTemplate   *tmpl);
const char  *ga_template_get_standard        (GaTemplate   *tmpl);   /* "GB/T 36132-2025" */
const char  *ga_template_get_standard_title  (GaTemplate   *tmpl);
const char  *ga_template_get_effective_date  (GaTemplate   *tmpl);
const char  *ga_template_get_province        (GaTemplate   *tmpl);   /* NULL = national */
const char * const *ga_template_get_industries (GaTemplate *tmpl);
gboolean     ga_template_fits_industry       (GaTemplate   *tmpl,
                                              const char   *industry);
gboolean     ga_template_get_based_on        (GaTemplate   *tmpl,
                                              const char  **id,
                                              const char  **version,
                                              const char  **sha256);
const char  *ga_template_get_source          (GaTemplate   *tmpl);
gboolean     ga_template_get_verified        (GaTemplate   *tmpl);
const char  *ga_template_get_unverified_reason (GaTemplate *tmpl);
GaScheme     ga_template_get_scheme          (GaTemplate   *tmpl);
double       ga_template_get_max_score       (GaTemplate   *tmpl);
double       ga_template_get_pass_score      (GaTemplate   *tmpl);   /* NaN = none */
double       ga_template_get_bonus_cap       (GaTemplate   *tmpl);   /* NaN = none */
GaNaPolicy   ga_template_get_na_policy       (GaTemplate   *tmpl);
GPtrArray   *ga_template_get_grades          (GaTemplate   *tmpl);   /* GaGrade*, descending */
GPtrArray   *ga_template_get_level_rules     (GaTemplate   *tmpl);   /* GaLevelRule*, I first */

/* Top-level sections, in order. */
GPtrArray   *ga_template_get_root_sections   (GaTemplate   *tmpl);
/* Every section, depth first, in document order. */
GPtrArray   *ga_template_get_sections        (GaTemplate   *tmpl);
/* Every item, in document order. */
GPtrArray   *ga_template_get_items           (GaTemplate   *tmpl);
GPtrArray   *ga_template_get_outputs         (GaTemplate   *tmpl);   /* GaOutput* */
GPtrArray   *ga_template_get_tables          (GaTemplate   *tmpl);   /* GaLookupTable* */

GaItem      *ga_template_find_item           (GaTemplate   *tmpl,
                                              const char   *id);
GaSection   *ga_template_find_section        (GaTemplate   *tmpl,
                                              const char   *id);
GaOutput    *ga_template_find_output         (GaTemplate   *tmpl,
                                              const char   *id);
GaLookupTable *ga_template_find_table        (GaTemplate   *tmpl,
                                              const char   *id);
/* Looks @key up (case-insensitively) in @table and returns the cell of
 * @column, or NULL. */
/* The units @carrier's quantity may be given in, when @column is the
 * units column of its table ("units_of"); NULL otherwise. */
const GaCarrierUnits *ga_column_get_carrier_units (const GaColumn *column,
                                                   const char     *carrier);
/* The units column of the table @item, or NULL. */
const GaColumn *ga_item_find_units_column     (const GaItem  *item);
const GaValue *ga_lookup_table_get           (GaLookupTable *table,
                                              const char    *key,
                                              const char    *column);

const char  *ga_item_kind_to_string          (GaItemKind    kind);
const char  *ga_template_kind_to_string      (GaTemplateKind kind);
gboolean     ga_template_kind_from_string    (const char     *name,
                                              GaTemplateKind *kind);
const char  *ga_template_kind_label          (GaTemplateKind kind);
const char  *ga_template_kind_report_title   (GaTemplateKind kind,
                                              const char     *language);
char        *ga_template_kind_names          (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaTemplate, ga_template_unref)

G_END_DECLS
