/* ga-refvalues.h: reference values (基准值, 引领值) as data
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reference table holds baselines and leading values (能耗限额 grades,
 * 用水定额, the columns of an evaluation form) per programme, indicator,
 * industry (GB/T 4754) and product, each with its source and a verified
 * flag. Templates look them up by the enterprise's industry and the
 * item's product when the user has typed no value; a typed value always
 * overrides. docs/reference-values.md describes the file format.
 */
#pragma once

#include "ga-answer.h"

G_BEGIN_DECLS

#define GA_REFVALUES_ERROR (ga_refvalues_error_quark ())
GQuark ga_refvalues_error_quark (void);

typedef enum {
  GA_REFVALUES_ERROR_INVALID,
} GaRefValuesError;

typedef struct _GaRefTable GaRefTable;

typedef struct {
  GaRefTable *table;      /* borrowed: the table that holds the row */
  char       *programme;  /* template id, "gbt36132-2025" */
  char       *indicator;  /* the scored item or the table item, "RE3", "EN1P" */
  char       *industry;   /* GB/T 4754 code or prefix ("C", "26", "2614"); "" any */
  char       *product;    /* "" for the indicator as a whole */
  char       *unit;
  double      baseline;   /* NaN when the row has none */
  double      leading;    /* NaN when the row has none */
  double      grades[3];  /* 1级, 2级, 3级 of a limit standard; NaN when not given */
  char       *source;     /* the row's own citation, else NULL (the table's) */
  gboolean    verified;
  guint       line;       /* where it was read (1-based row of a sheet, or of "rows") */
} GaRefRow;

struct _GaRefTable {
  char      *id;          /* stable key, "gbt36132-2025-form-example" */
  char      *name;
  char      *version;     /* table version or year, "2026" */
  char      *source;
  char      *note;
  gboolean   verified;    /* FALSE when any part is not confirmed */
  gboolean   bundled;     /* shipped with the application */
  gint64     store_id;    /* 0 unless read from a database */
  GPtrArray *rows;        /* GaRefRow* */
};

GaRefTable *ga_ref_table_new          (const char   *id,
                                       const char   *name,
                                       const char   *version);
void        ga_ref_table_free         (GaRefTable   *table);
/* Adds a row (copied strings) and returns it. */
GaRefRow   *ga_ref_table_add_row      (GaRefTable   *table,
                                       const char   *programme,
                                       const char   *indicator,
                                       const char   *industry,
                                       const char   *product,
                                       double        baseline,
                                       double        leading);

/* The file format of docs/reference-values.md. Every problem is listed in
 * @error, by row. */
GaRefTable *ga_ref_table_from_json    (JsonNode     *root,
                                       GError      **error);
JsonNode   *ga_ref_table_to_json      (const GaRefTable *table);

/* The tables shipped with the application. GaRefTable*, owned. */
GPtrArray  *ga_ref_tables_bundled     (void);

/* The citation of @row: its own or its table's. */
const char *ga_ref_row_get_source     (const GaRefRow *row);

/* The best row of @tables (searched in order: put the preferred first) for
 * @programme and @indicator, for an enterprise of @industry (NULL or ""
 * matches only rows for any industry) and @product ("" for the indicator
 * as a whole): the row with the longest matching industry code wins, then
 * the first table. NULL when none. */
const GaRefRow *ga_ref_tables_lookup  (GPtrArray    *tables,
                                       const char   *programme,
                                       const char   *indicator,
                                       const char   *industry,
                                       const char   *product);

/* Where a template takes a baseline or a leading value. */
typedef enum {
  GA_REF_BASELINE,
  GA_REF_LEADING,
} GaRefKind;

typedef struct {
  const GaItem *item;       /* the number item holding the value, or the table item */
  const GaItem *owner;      /* the scored item or the table item it serves */
  guint         column;     /* table: the column index of the value; else G_MAXUINT */
  guint         product;    /* table: the column naming the product; G_MAXUINT none */
  GaRefKind     kind;
} GaRefSlot;

/* The slots of @tmpl: the number items that an "interp" rule reads as its
 * baseline or leading value, and the columns that a column's
 * INTERP(x, baseline, leading, …) reads. GaRefSlot*, owned. */
GPtrArray  *ga_ref_slots_find         (GaTemplate   *tmpl);
/* The slot of the number item @item, or NULL. */
const GaRefSlot *ga_ref_slots_for_item (GPtrArray   *slots,
                                        const GaItem *item);

/* A value filled in from a reference table. */
typedef struct {
  const GaRefSlot *slot;
  guint            row;     /* table rows: the answer row; else G_MAXUINT */
  double           value;
  const GaRefRow  *ref;     /* borrowed from the tables; NULL: made not applicable because
                             * the indicator it serves is */
} GaRefFill;

/* A copy of @answers in which each slot without a typed value holds the
 * value looked up in @tables for @industry; a typed value is left alone,
 * and the slot of an indicator answered not applicable is made not
 * applicable too. @fills (may be NULL) receives a
 * GaRefFill* per value filled in, owned by the array. */
GaAnswerSet *ga_ref_fill_answers      (GaTemplate   *tmpl,
                                       GPtrArray    *slots,
                                       GaAnswerSet  *answers,
                                       GPtrArray    *tables,
                                       const char   *industry,
                                       GPtrArray    *fills);
/* The answer @answer to the slot item or table @item with what @tables
 * give filled in (a new answer), or NULL when nothing was filled. */
GaAnswer    *ga_ref_fill_answer       (GaTemplate   *tmpl,
                                       GPtrArray    *slots,
                                       const GaItem *item,
                                       const GaAnswer *answer,
                                       GaAnswerSet  *answers,
                                       GPtrArray    *tables,
                                       const char   *industry,
                                       GPtrArray    *fills);

/* "基准值 0.8 (《name》 2026; source; not verified)" in the current
 * language. */
char        *ga_ref_fill_describe     (const GaRefFill *fill);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaRefTable, ga_ref_table_free)

G_END_DECLS
