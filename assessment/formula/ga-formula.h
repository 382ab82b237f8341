/* ga-formula.h: the formula language (an Excel-compatible subset)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See docs/formula-language.md for the language itself. In short:
 *  - numbers, "text", TRUE/FALSE, references (E1, energy.tce), operators
 *    + - * / ^ & = <> < <= > >= with Excel's precedence, unary minus and
 *    plus, percent postfix, parentheses, function calls;
 *  - a reference written as  table.column  is a *range* (every row of that
 *    column of a repeatable table) and is only accepted by functions that
 *    take ranges (SUM, COUNT, ...);
 *  - "strict" references: a formula whose strict references include an
 *    error, a blank or a not-applicable value yields that error, blank or
 *    N/A without being evaluated (errors first, then blank, then N/A).
 *    References inside blank-aware functions (ISBLANK, ISNOTAPPLICABLE,
 *    COUNT, COUNTA, COUNTBLANK) and range references are not strict.
 *    IFBLANK(value, fallback) is blank-aware in its first argument only.
 *    The Excel translation wraps the formula in the same guard, so Excel
 *    computes what the engine computes.
 */
#pragma once

#include <glib.h>

#include "ga-value.h"

G_BEGIN_DECLS

#define GA_FORMULA_ERROR (ga_formula_error_quark ())

typedef enum {
  GA_FORMULA_ERROR_SYNTAX,            /* unexpected token; message says what was expected */
  GA_FORMULA_ERROR_TOO_LONG,          /* more than GA_FORMULA_MAX_LENGTH bytes */
  GA_FORMULA_ERROR_TOO_DEEP,          /* nesting deeper than GA_FORMULA_MAX_DEPTH */
  GA_FORMULA_ERROR_UNKNOWN_FUNCTION,  /* no such function */
  GA_FORMULA_ERROR_ARGUMENTS,         /* wrong number or form of arguments */
  GA_FORMULA_ERROR_TYPE,              /* a type error that can be seen without evaluating */
  GA_FORMULA_ERROR_REFERENCE,         /* reported by ga_formula_check() through the resolver */
  GA_FORMULA_ERROR_ENCODING,          /* not valid UTF-8 */
} GaFormulaError;

#define GA_FORMULA_MAX_LENGTH 8192
#define GA_FORMULA_MAX_DEPTH  64

GQuark       ga_formula_error_quark   (void);

typedef struct _GaFormula GaFormula;

/* Parses @text. On failure returns NULL, sets @error (message of the form
 * "column 7: expected ')' to close the arguments of SUM, found end of
 * formula") and, if @error_column is not NULL, stores the 1-based column
 * (counted in characters, not bytes) where the problem was found.
 * Unknown functions and wrong argument counts are parse errors. */
GaFormula   *ga_formula_parse         (const char  *text,
                                       guint       *error_column,
                                       GError     **error);
GaFormula   *ga_formula_ref           (GaFormula   *formula);
void         ga_formula_unref         (GaFormula   *formula);
const char  *ga_formula_get_text      (GaFormula   *formula);

/* The distinct references in order of first appearance. A name is either an
 * identifier ("E1") or "table.column" (a range). */
guint        ga_formula_get_n_refs    (GaFormula   *formula);
const char  *ga_formula_get_ref       (GaFormula   *formula,
                                       guint        index);
gboolean     ga_formula_ref_is_range  (GaFormula   *formula,
                                       guint        index);
/* TRUE if at least one occurrence is outside a blank-aware function. */
gboolean     ga_formula_ref_is_strict (GaFormula   *formula,
                                       guint        index);
/* 1-based column of the first occurrence, for error messages. */
guint        ga_formula_ref_column    (GaFormula   *formula,
                                       guint        index);
/* The tag a formula builder gave the reference (0: none). */
guint        ga_formula_ref_tag       (GaFormula   *formula,
                                       guint        index);

/* The lookup-table uses (FACTOR("table", key, "column")): table and column
 * are string literals, so they can be checked when a template loads. */
guint        ga_formula_get_n_lookups (GaFormula   *formula);
void         ga_formula_get_lookup    (GaFormula   *formula,
                                       guint        index,
                                       const char **table,
                                       const char **column,
                                       guint       *column_in_text);

/* Static kinds, for the checks that can be made before evaluation. */
typedef enum {
  GA_STATIC_ANY = 0,
  GA_STATIC_NUMBER,
  GA_STATIC_TEXT,
  GA_STATIC_BOOLEAN,
} GaStaticType;

/* Static check against a resolver: every reference must exist, ranges must
 * be ranges, scalars scalars, lookups must name existing tables/columns, and
 * operands whose static type cannot work (text where a number is required,
 * a range outside a range function) are reported. Each problem is appended
 * to @problems as a newly allocated string "column N: ..."; returns TRUE if
 * none was found. */
typedef struct {
  /* Returns FALSE if @name does not exist. Sets *is_range and *type. */
  gboolean (*resolve_ref)    (gpointer      user_data,
                              const char   *name,
                              gboolean     *is_range,
                              GaStaticType *type);
  /* Returns FALSE and sets *message (owned by caller) if table/column is unknown. */
  gboolean (*resolve_lookup) (gpointer      user_data,
                              const char   *table,
                              const char   *column,
                              char        **message);
  gpointer user_data;
} GaFormulaResolver;

gboolean     ga_formula_check         (GaFormula               *formula,
                                       const GaFormulaResolver *resolver,
                                       GPtrArray               *problems);

/* The static result type (ANY when it depends on the data). */
GaStaticType ga_formula_result_type   (GaFormula               *formula,
                                       const GaFormulaResolver *resolver);

/* Evaluation. References are given by index (see ga_formula_get_ref()), so
 * a caller can bind them to storage once and evaluate many times without
 * any string look-up. */
typedef struct {
  /* Value of scalar reference @index. Never NULL: return a blank value for
   * a missing one. One evaluation asks once for each reference it reads
   * and uses the value until it returns. */
  const GaValue *(*get_ref)   (gpointer        user_data,
                               guint           index);
  /* Values of range reference @index: *values points to *n_values values
   * (borrowed). Return FALSE for an unknown range (-> #REF!). */
  gboolean       (*get_range) (gpointer        user_data,
                               guint           index,
                               const GaValue **values,
                               guint          *n_values);
  /* FACTOR(table, key, column): store the number or text in @out and
   * return TRUE, or return FALSE when the key is not in the table (#N/A).
   * A callback that can say more may instead store an error value in @out
   * and return TRUE: that error (code and message) is FACTOR's result, e.g.
   * #REF! "no lookup table 'zz'" or #REF! "table 'gbt2589' has no column
   * 'zz'", so that an unknown table or column is not reported as a missing
   * key. */
  gboolean       (*lookup)    (gpointer        user_data,
                               const char     *table,
                               const GaValue  *key,
                               const char     *column,
                               GaValue        *out);
  gpointer user_data;
} GaFormulaContext;

/* Evaluates @formula. Never fails: problems become error values. @result
 * is cleared first. */
void         ga_formula_evaluate      (GaFormula               *formula,
                                       const GaFormulaContext  *context,
                                       GaValue                 *result);
/* The same with the value of every scalar reference given in @values (by
 * index, none NULL), for a formula evaluated many times over values that
 * stay where they are: @context is asked only for ranges and look-ups. */
void         ga_formula_evaluate_bound (GaFormula              *formula,
                                        const GaValue * const  *values,
                                        const GaFormulaContext *context,
                                        GaValue                *result);

/* Excel translation. @ref_to_cell returns a newly allocated cell or range
 * address for reference @index ("'基本信息'!$C$5", "Energy!$F$5:$F$24");
 * @lookup_to_excel returns the Excel expression that looks @key_expr up in
 * the exported copy of a table (typically INDEX/MATCH). When a callback is
 * NULL the reference's own name / a FACTOR(...) call is written, which is
 * what `greenassess-cli formula --excel` shows. @na_text is the text the
 * export writes into cells that are not applicable (default "N/A").
 * The result has no leading '='. */
typedef struct {
  char *(*ref_to_cell)     (gpointer    user_data,
                            guint       index,
                            const char *name);
  char *(*lookup_to_excel) (gpointer    user_data,
                            const char *table,
                            const char *key_expr,
                            const char *column);
  const char *na_text;
  gpointer    user_data;
  /* Used when @lookup_to_excel is NULL: the ranges of the exported copy of
   * a lookup table, its key column in *keys and @column in *values (newly
   * allocated). FACTOR is then written INDEX(values,MATCH(key,keys,0)), or
   * NA() when this returns FALSE (the workbook does not hold the table). */
  gboolean (*lookup_ranges) (gpointer     user_data,
                             const char  *table,
                             const char  *column,
                             char       **keys,
                             char       **values);
} GaExcelContext;

char        *ga_formula_to_excel      (GaFormula               *formula,
                                       const GaExcelContext    *context,
                                       GError                 **error);

/* The Excel text of the few formulas the export lays out over cells of its
 * own, with no template formula behind them (an annex's column totals and
 * ratios): written here, so that Excel's spelling lives in the translator
 * only. Cell and range addresses are given as Excel writes them; the
 * results have no leading '='. */
/* SUM(@range). */
char        *ga_formula_excel_sum     (const char              *range);
/* @numerator / @denominator when both are numbers and the denominator is
 * above zero, else "" (a blank-looking cell, never #DIV/0!). */
char        *ga_formula_excel_ratio   (const char              *numerator,
                                       const char              *denominator);

/* Numeric helpers shared with the rest of the engine, so that everything
 * rounds and compares the way Excel does. */
double       ga_round_half_away       (double                   number,
                                       int                      digits);
/* Excel's equality for numbers: equal when they agree to 15 significant
 * digits. Returns <0, 0, >0. */
int          ga_number_compare        (double                   a,
                                       double                   b);
/* Case-insensitive text comparison as Excel's = and < do it. */
int          ga_text_compare          (const char              *a,
                                       const char              *b);

/* Names of all built-in functions, NULL-terminated, for documentation,
 * completion and the test that checks the documentation lists them all. */
const char * const *ga_formula_function_names (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaFormula, ga_formula_unref)

G_END_DECLS
