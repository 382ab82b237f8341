/* ga-export-book.h: the workbook being written, shared by the export's sheet files
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "ga-export-private.h"

G_BEGIN_DECLS

#define N_SCORE_COLS 17
#define EXCEL_MAX_FORMULA 8192
#define EXCEL_MAX_CELL_TEXT 32767

/* Scoring-sheet columns. */
enum {
  SC_L1, SC_L2, SC_ID, SC_TITLE, SC_REQ, SC_MANDATORY, SC_CLASS, SC_POINTS, SC_ANSWER,
  SC_CODE, SC_SCORE, SC_MAX, SC_EVIDENCE, SC_EXPLAIN, SC_REMARK, SC_SOURCE, SC_VERIFIED,
};

/* Clean-production sheet columns. */
enum {
  CP_CATEGORY, CP_CAT_WEIGHT, CP_CAT_APP, CP_CAT_EFF, CP_ID, CP_TITLE, CP_UNIT, CP_WEIGHT,
  CP_LIMITING, CP_B1, CP_B2, CP_B3, CP_VALUE, CP_LEVEL, CP_APPLICABLE, CP_EFF_WEIGHT, CP_MET1,
  CP_MET2, CP_MET3, CP_N_COLS
};

#define MAX_TRACKED_COLS 32

typedef struct {
  guint  row, col;
  char  *text;
} WrappedText;

typedef struct {
  lxw_worksheet *ws;
  char          *name;
  char          *quoted;   /* 'name' as formulas spell it */
  /* Column widths and the wrapped texts written, so that rows get a
   * height that shows them: neither LibreOffice nor WPS grows a row for
   * wrapped text in a file that does not say how high it is. */
  double         widths[MAX_TRACKED_COLS];
  GArray        *wrapped;  /* WrappedText */
} Sheet;

typedef struct {
  char *values;  /* 'Factors'!$C$5:$C$9 */
  char *keys;    /* 'Factors'!$A$5:$A$9 */
} FactorColumn;

typedef struct {
  guint first_row;   /* first data row (0-based) */
  guint n_rows;      /* at least 1: an empty table keeps one blank row so ranges stay valid */
  guint total_row;
  GArray *col_of;    /* column index in the sheet for each GaColumn */
  int share_col;     /* -1 when there is no tce column */
  int share_src;     /* the GaColumn index the share is computed from */
  int label_for;     /* unused marker */
} TableLayout;

typedef struct {
  GaEngine              *engine;
  GaTemplate            *tmpl;
  const GaExportOptions *opt;
  const char            *lang;
  gboolean               zh;
  const char            *na_text;
  const char            *display_path;
  lxw_workbook          *wb;
  GError                *error;
  GError                *rule_error;    /* why a rule read by a formula did not translate */
  guint                  n_value_only;  /* formulas Excel cannot hold, written as values */

  /* formats */
  lxw_format *f_title, *f_subtitle, *f_header, *f_text, *f_wrap, *f_center, *f_number,
             *f_points, *f_na, *f_na_center, *f_section, *f_subtotal, *f_subtotal_num,
             *f_total, *f_total_num, *f_label, *f_code, *f_percent, *f_unverified,
             *f_integer, *f_bold_text;
  GHashTable *num_formats;   /* number format text -> lxw_format* (owned by the workbook) */

  Sheet info, scoring, energy, cp, summary, factors;
  gboolean has_energy, has_cp, has_factors;
  gboolean outputs_on_energy;

  GHashTable *cells;       /* id -> absolute reference of its value cell */
  GHashTable *extra_cells; /* "score:ID", "max:ID" -> reference, for GaExportOptions.cells */
  GHashTable *factor_cols; /* "table\x1fcolumn" -> FactorColumn* */
  GHashTable *tables;      /* GaItem* (table) -> TableLayout* */

  /* scoring sheet */
  GHashTable *item_row;     /* GaItem* -> row + 1 */
  GHashTable *section_row;  /* GaSection* -> subtotal row + 1 */
  guint       first_data_row;
  guint       last_data_row;
  guint       total_row, max_row_unused, bonus_row, veto_row, grade_row, pass_row;
  gboolean    has_bonus, has_veto, has_grades, has_pass;
  gboolean    points;       /* the points scheme: section scores and a total */
  char       *total_ref, *max_ref, *bonus_ref, *veto_ref, *grade_ref, *pass_ref;

  /* clean production */
  char *index_ref[3];
  char *level_ref, *level_label_ref;

  /* outputs */
  GHashTable *output_row;   /* GaOutput* -> row + 1 */
  guint       outputs_first_row;

  /* while a table row's formulas are translated */
  const GaItem      *row_table;
  const TableLayout *row_layout;
  guint              row_sheet_row;

  /* energy mix for the summary chart */
  const GaItem *mix_table;
} Export;


/* ga-export-cells.c */
const char *ex_tr (Export     *ex,
                   const char *zh,
                   const char *en);
const char *ex_text_of (Export       *ex,
                        const GaText *text);
char *ex_excel_string (const char *text);
char *ex_excel_number (double number);
char *ex_cell_ref (const Sheet *sheet,
                   guint        row,
                   guint        col);
char *ex_range_ref (const Sheet *sheet,
                    guint        row1,
                    guint        col1,
                    guint        row2,
                    guint        col2);
void ex_sheet_init (Sheet      *sheet,
                    const char *name);
void ex_sheet_clear (Sheet *sheet);
void ex_check (Export      *ex,
               lxw_error    err,
               const Sheet *sheet,
               int          row,
               int          col,
               const char  *what);
gboolean ex_failed (Export *ex);
void ex_put_string (Export      *ex,
                    const Sheet *s,
                    guint        row,
                    guint        col,
                    const char  *text,
                    lxw_format  *format,
                    const char  *what);
void ex_fit_row_heights (Export      *ex,
                         const Sheet *s);
void ex_put_number (Export      *ex,
                    const Sheet *s,
                    guint        row,
                    guint        col,
                    double       number,
                    lxw_format  *format,
                    const char  *what);
void ex_put_blank (Export      *ex,
                   const Sheet *s,
                   guint        row,
                   guint        col,
                   lxw_format  *format);
void ex_put_value (Export        *ex,
                   const Sheet   *s,
                   guint          row,
                   guint          col,
                   const GaValue *value,
                   lxw_format    *format,
                   const char    *what);
void ex_put_formula (Export        *ex,
                     const Sheet   *s,
                     guint          row,
                     guint          col,
                     const char    *formula,
                     const GaValue *cached,
                     lxw_format    *format,
                     const char    *what);
void ex_put_formula_number (Export      *ex,
                            const Sheet *s,
                            guint        row,
                            guint        col,
                            const char  *formula,
                            double       cached,
                            lxw_format  *format,
                            const char  *what);
void ex_put_formula_text (Export      *ex,
                          const Sheet *s,
                          guint        row,
                          guint        col,
                          const char  *formula,
                          const char  *cached,
                          lxw_format  *format,
                          const char  *what);
void ex_set_column (Export      *ex,
                    const Sheet *s,
                    guint        first,
                    guint        last,
                    double       width,
                    lxw_format  *format);
void ex_merge (Export      *ex,
               const Sheet *s,
               guint        r1,
               guint        c1,
               guint        r2,
               guint        c2,
               const char  *text,
               lxw_format  *format);
void ex_make_formats (Export *ex);
lxw_format *ex_unit_format (Export     *ex,
                            const char *base,
                            const char *unit,
                            gboolean    na);
void ex_page_setup (Export      *ex,
                    const Sheet *s,
                    gboolean     landscape,
                    int          repeat_first,
                    int          repeat_last,
                    guint        freeze_row,
                    guint        freeze_col);

/* ga-export-formula.c */
/* The name under which ga-scheme.h's cell formulas read @item's rule. */
char *ex_rule_ref (const GaItem *item);
char *ex_translate (Export     *ex,
                    GaFormula  *formula,
                    const char *what);
void ex_evaluate (Export    *ex,
                  GaFormula *formula,
                  GaValue   *out);
void ex_put_expression (Export      *ex,
                        const Sheet *s,
                        guint        row,
                        guint        col,
                        GaFormula   *formula,
                        lxw_format  *format,
                        const char  *what);

/* ga-export-workbook.c */
gboolean ex_item_uses_code_column (const GaItem *item);
gboolean ex_item_is_scored (const GaItem *item);
guint ex_section_row (Export          *ex,
                      const GaSection *section);
guint ex_item_row (Export       *ex,
                   const GaItem *item);
gboolean ex_column_is_summable (const GaColumn *column);
gboolean ex_column_has_label (const GaColumn *column);
void ex_layout_outputs (Export *ex);

/* ga-export-sheet-scoring.c */
const GaOption *ex_find_option (GPtrArray  *options,
                                const char *id);
void ex_write_scoring (Export *ex);

/* ga-export-sheet-energy.c */
void ex_write_factors (Export *ex);
void ex_write_outputs (Export *ex);
void ex_write_energy (Export *ex);

/* ga-export-sheet-cp.c */
const char *ex_level_label (Export *ex,
                            int     level);
void ex_write_cp (Export *ex);

/* ga-export-sheet-info.c */
void ex_write_info (Export *ex);

/* ga-export-sheet-summary.c */
void ex_write_summary (Export *ex);

G_END_DECLS
