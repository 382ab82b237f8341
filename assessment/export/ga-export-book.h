/* ga-export-book.h: the workbook being written, shared by the export's sheet files
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "ga-export-private.h"
#include "ga-scheme.h"

G_BEGIN_DECLS

#define EXCEL_MAX_FORMULA 8192
#define EXCEL_MAX_CELL_TEXT 32767

/* Scoring-sheet columns. The answer column is what the formulas read: it
 * holds the labels a user sees (符合, 是, an option's label), and a
 * reviewer may change it. SC_MARK holds ※ when the row's source is not
 * verified (the 来源与核实 sheet says why). */
enum {
  SC_L1, SC_L2, SC_NO, SC_TITLE, SC_REQ, SC_CLASS, SC_POINTS, SC_ANSWER, SC_SCORE, SC_MAX,
  SC_EVIDENCE, SC_EXPLAIN, SC_REMARK, SC_MARK, N_SCORE_COLS
};

/* The marker of a row whose source is not verified against the official
 * text. */
#define EX_MARK "※"

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

/* A wrapped text as the row heights need it: the widths of its
 * paragraphs (Sheet.paragraphs[first], … [first + n - 1]), not the text. */
typedef struct {
  guint  row, col;
  guint  first, n;
} WrappedCell;

typedef struct {
  lxw_worksheet *ws;
  char          *name;
  char          *quoted;   /* 'name' as formulas spell it */
  /* Column widths and the wrapped texts written, so that rows get a
   * height that shows them: neither LibreOffice nor WPS grows a row for
   * wrapped text in a file that does not say how high it is. */
  double         widths[MAX_TRACKED_COLS];
  GArray        *wrapped;     /* WrappedCell */
  GArray        *paragraphs;  /* double: each wrapped paragraph's width in units */
  /* The used range, for the print area; rows of the sheet's own header
   * (repeated on every page) and rows before which a page may break.
   * Columns from EX_HIDDEN_ZONE on are hidden and not printed. */
  int            last_row, last_col;
  GArray        *breaks;   /* guint: rows that start a block (first-level section, table) */
  /* The page set-up asked for by the sheet's writer (ex_page_setup()),
   * applied by ex_finish_sheet() once the row heights are known. */
  gboolean       landscape;
  int            repeat_first, repeat_last;
  guint          freeze_row, freeze_col;
  guint          repeat_cols;  /* columns repeated on every page when the sheet spills */
  gboolean       set_up;
  /* Titles written in the first column that run on to the right: the
   * sheet's own (row 0) and those of its blocks (WrappedText, text
   * owned). When the sheet goes on across pages they would be cut at the
   * edge of the repeated columns (ex_finish_sheet()). */
  char          *title;
  GArray        *block_titles;
} Sheet;

/* The values of a choice, compliance or yes/no item (or table column) as
 * the workbook writes them: each option's id and the label its cell
 * holds. @boolean: a yes/no, whose ids are TRUE and FALSE. */
typedef struct {
  GPtrArray *ids;       /* char*, owned */
  GPtrArray *labels;    /* char*, owned; unique within the domain */
  gboolean   boolean;
  const char *options_table;  /* a choice column over a lookup table's keys */
} ExDomain;

typedef struct {
  char *values;  /* 'Factors'!$C$5:$C$9 */
  char *keys;    /* 'Factors'!$B$5:$B$9 (hidden) */
  char *labels;  /* 'Factors'!$A$5:$A$9: the rows' labels, as choice cells hold them */
} FactorColumn;

typedef struct {
  guint first_row;   /* first data row (0-based) */
  guint n_rows;      /* at least 1: an empty table keeps one blank row so ranges stay valid */
  guint total_row;
  GArray *col_of;    /* column index in the sheet for each GaColumn */
  GArray *hidden;    /* gboolean for each GaColumn: a column of look-up keys, in the hidden zone */
  int share_col;     /* -1 when there is no tce column */
  int share_src;     /* the GaColumn index the share is computed from */
  int mark_col;      /* ※ of rows that use an unverified factor; -1 when none */
  guint last_col;    /* the last column shown */
} TableLayout;

/* Columns from here on hold what the formulas need and nobody reads
 * (look-up keys): hidden, outside the print area. */
#define EX_HIDDEN_ZONE 40

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
  /* GaExportOptions.counts, and the distinct texts seen so far */
  GaExportCounts        *counts;
  GHashTable            *counted_texts;

  /* formats */
  lxw_format *f_title, *f_title_left, *f_subtitle, *f_header, *f_text, *f_wrap, *f_center, *f_number,
             *f_points, *f_na, *f_na_center, *f_section, *f_subtotal, *f_subtotal_num,
             *f_total, *f_total_num, *f_label, *f_percent, *f_mark, *f_mark_wrap,
             *f_integer, *f_bold_text, *f_input, *f_input_wrap, *f_note, *f_plain;
  GHashTable *num_formats;   /* number format text -> lxw_format* (owned by the workbook) */

  Sheet info, scoring, energy, cp, summary, outputs, factors, sources, lists;
  /* the local summary tables (GaExportOptions.local_tables) */
  Sheet local_plan, local_perf, local_projects;
  gboolean has_energy, has_cp, has_factors, has_outputs, has_local;

  GHashTable *cells;       /* id -> absolute reference of its value cell */
  GHashTable *extra_cells; /* "score:ID", "max:ID" -> reference, for GaExportOptions.cells */
  GHashTable *factor_cols; /* "table\x1fcolumn" -> FactorColumn* */
  GHashTable *tables;      /* GaItem* (table) -> TableLayout* */
  GHashTable *domains;     /* GaItem* or GaColumn* -> ExDomain* (NULL: none) */
  GHashTable *numbers;     /* GaItem* -> char*: the item's number as the sheets show it */
  /* What the workbook holds at the names the formulas read (item ids,
   * "score:ID", the totals ...), for the cached values of the formulas
   * built here (explanations, conclusions): name -> GaValue*. */
  GHashTable *written;
  GHashTable *list_ranges; /* "<domain><na>" -> range of its labels on the lists sheet */

  /* scoring sheet */
  GHashTable *item_row;     /* GaItem* -> row + 1 */
  GHashTable *section_row;  /* GaSection* -> subtotal row + 1 */
  guint       first_data_row;
  guint       last_data_row;
  guint       total_row, max_row_unused, bonus_row, veto_row, grade_row, pass_row;
  gboolean    has_bonus, has_veto, has_grades, has_pass;
  gboolean    points;       /* the points scheme: section scores and a total */
  char       *total_ref, *max_ref, *bonus_ref, *veto_ref, *grade_ref, *pass_ref;

  /* the conclusion, on the summary and the basic-information sheets */
  char *conclusion_ref, *conclusion_info_ref;
  gboolean conclusion_built, conclusion_has_refs, conclusion_value_only;
  char    *conclusion_text;   /* NULL: written as its value */
  GaValue  conclusion_value;

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

  /* The 来源与核实 sheet: rows added while the other sheets are written. */
  GPtrArray *source_rows;   /* ExSourceRow* */
} Export;

/* One row of the 来源与核实 sheet. */
typedef struct {
  char    *sheet;      /* where the row is: "评分表 3.2", "系数表" ... */
  char    *what;       /* item, table or factor */
  char    *source;
  char    *verification;
  gboolean verified;
  gboolean heading;    /* a block title (a lookup table) */
  gboolean factor;     /* a row of the factors sheet: listed after the items */
} ExSourceRow;


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
void ex_note_wrapped (const Sheet *s,
                      guint        row,
                      guint        col,
                      const char  *text);
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
void ex_hide_columns (Export      *ex,
                      const Sheet *s,
                      guint        first,
                      guint        last);
void ex_merge (Export      *ex,
               const Sheet *s,
               guint        r1,
               guint        c1,
               guint        r2,
               guint        c2,
               const char  *text,
               lxw_format  *format);
void ex_make_formats (Export *ex);
/* Styles of ex_unit_format(): FALSE and TRUE are plain and not applicable. */
enum { EX_FMT_PLAIN = 0, EX_FMT_NA = 1, EX_FMT_INPUT = 2 };
lxw_format *ex_unit_format (Export     *ex,
                            const char *base,
                            const char *unit,
                            int         style);

/* ga-export-print.c */
/* Text in cells is never printed smaller than this (points). */
#define EX_MIN_PRINT_PT 9.0
/* The body font size of the cells (宋体 五号). */
#define EX_BODY_PT 10.5
/* What the sheet's writer asks for: orientation, the rows repeated on
 * every page (-1: none), the panes (also the columns repeated when the
 * sheet is too wide for a page). */
void ex_page_setup (Export      *ex,
                    const Sheet *s,
                    gboolean     landscape,
                    int          repeat_first,
                    int          repeat_last,
                    guint        freeze_row,
                    guint        freeze_col);
/* A page break may come before @row (a block starts there). */
void ex_break_before (const Sheet *s,
                      guint        row);
/* Appends the widths of @text's paragraphs (Excel's width unit) to
 * @widths (double); returns how many. */
guint ex_paragraph_widths (const char *text,
                           GArray     *widths);
/* The sheet's title (row 0, column 0) and the title of a block (@row,
 * column 0): text that runs on to the right of its cell. */
void ex_note_sheet_title (const Sheet *s,
                          const char  *text);
void ex_note_block_title (const Sheet *s,
                          guint        row,
                          const char  *text);
/* Row heights that show the wrapped texts, the print scale (the widest
 * that keeps text at EX_MIN_PRINT_PT or more), the print area, the rows
 * repeated on every page and page breaks before blocks that would
 * otherwise start at the foot of a page. */
void ex_finish_sheet (Export *ex,
                      Sheet  *s);

/* ga-export-formula.c */
/* The name under which ga-scheme.h's cell formulas read @item's rule. */
char *ex_rule_ref (const GaItem *item);
char *ex_translate (Export     *ex,
                    GaFormula  *formula,
                    const char *what);
/* The computed item @item's formula as the workbook writes it: a result
 * that is an error while a table it reads still has an empty required
 * cell (or no row) is blank, as the engine leaves it until that input is
 * given: IFERROR(f,IF(OR(COUNTBLANK(T.c)>0,…),"",f)). A new reference. */
GaFormula *ex_waiting_formula (Export       *ex,
                               const GaItem *item);
/* As ex_translate(), but a choice's value at the root of @formula stays
 * the label its cell shows (a cell that only shows the value). */
char *ex_translate_shown (Export     *ex,
                          GaFormula  *formula,
                          const char *what);
/* Evaluates @formula over what the workbook holds (Export.written): the
 * cached value of a formula built by the export itself. */
void ex_evaluate_written (Export    *ex,
                          GaFormula *formula,
                          GaValue   *out);
/* Records @value (copied) as what the workbook holds at @name. */
void ex_set_written (Export        *ex,
                     const char    *name,
                     const GaValue *value);
/* Writes @formula (taken) translated, cached with its value over
 * Export.written. */
void ex_put_built (Export      *ex,
                   const Sheet *s,
                   guint        row,
                   guint        col,
                   GaFormula   *formula,
                   lxw_format  *format,
                   const char  *what);

/* ga-export-labels.c */
void ex_domain_free (gpointer data);
/* The rows of @table as a choice over its keys shows them. */
const ExDomain *ex_table_domain (Export              *ex,
                                 const GaLookupTable *table);
/* The values of @item (or @column) as the workbook writes them, NULL
 * when its cells hold the value itself. */
const ExDomain *ex_item_domain (Export       *ex,
                                const GaItem *item);
const ExDomain *ex_column_domain (Export         *ex,
                                  const GaColumn *column);
/* The label of @id in @domain, NULL when it is not one of its values. */
const char *ex_domain_label (const ExDomain *domain,
                             const char     *id);
/* @value as the cell of @domain shows it: the label of an option id or
 * of TRUE/FALSE, else @value itself. Returns a new GaValue in @out. */
void ex_domain_value (const ExDomain *domain,
                      const GaValue  *value,
                      GaValue        *out);
/* @formula with the text constants compared against labelled cells
 * replaced by the labels (and a labelled value turned back into its id
 * where the formula needs the id). @shown keeps a label at the root. A new
 * reference; @formula itself when nothing changes. */
GaFormula *ex_label_formula (Export    *ex,
                             GaFormula *formula,
                             gboolean   shown);
/* The lookup table name under which a FACTOR() looks @table up by its
 * rows' labels (the choice cells hold labels, not keys). */
#define EX_BY_LABEL "\x1elabel"

/* ga-export-text.c */
/* A free text of the template (a source, a note, an evidence document):
 * "中文 / English" becomes the part in the workbook's language, and in
 * Chinese an English gloss in parentheses is dropped. */
char *ex_free_text (Export     *ex,
                    const char *text);
/* @title with @unit in parentheses, unless the title already ends with a
 * parenthesised part or holds the unit ("折标准煤 (tce)"): units are
 * never doubled. */
char *ex_title_with_unit (const char *title,
                          const char *unit);
/* @unit in the workbook's language ("产品单位/product unit" gives one
 * side); NULL for a unit in English words in a Chinese workbook. */
char *ex_unit_text (Export     *ex,
                    const char *unit);
/* TRUE when @text reads as English words (two or more in a row). */
gboolean ex_has_english (const char *text);
/* The number the sheets show for @item: its clause when every item has
 * a short, unique one, else "section.n" (first-level section, position). */
const char *ex_item_number (Export       *ex,
                            const GaItem *item);
void ex_number_items (Export *ex);
/* A row of the 来源与核实 sheet. */
void ex_add_source (Export     *ex,
                    const char *sheet,
                    const char *what,
                    const char *source,
                    gboolean    verified,
                    const char *reason,
                    gboolean    heading);
void ex_source_row_free (gpointer data);

/* ga-export-explain.c */
/* The texts the summary formulas compare and give, in the workbook's
 * language. */
GaSchemeLabels ex_scheme_labels (Export *ex);
/* The 评分说明 of @item as a formula over its cells, in the workbook's
 * language. */
GaFormula *ex_item_explanation (Export       *ex,
                                const GaItem *item);
/* The conclusion: the total (or the clean-production indices and level),
 * the veto status, grade and pass mark, as a formula over the result
 * cells. */
GaFormula *ex_conclusion (Export *ex);
/* ex_conclusion() written at (@row, @col) of @s, built once for both
 * sheets that show it. */
void ex_put_conclusion (Export      *ex,
                        const Sheet *s,
                        guint        row,
                        guint        col,
                        lxw_format  *format);
/* Names of result cells the conclusion reads, bound by the writers. */
#define EX_NAME_BONUS "export:bonus"
#define EX_NAME_GRADE "export:grade"
#define EX_NAME_PASS "export:pass"
#define EX_NAME_LEVEL_LABEL "export:level-label"

/* ga-export-validation.c */
/* Data validation of an input cell: the labels of @domain (a drop-down
 * list), the bounds of a number, a date; @na: 不适用 is allowed. */
void ex_validate_item (Export       *ex,
                       const Sheet  *s,
                       guint         row,
                       guint         col,
                       const GaItem *item);
/* The unit cell of one row: a drop-down of the units its carrier
 * @carrier takes (every unit when @carrier is not a known carrier). */
void ex_validate_unit_cell (Export         *ex,
                            const Sheet    *s,
                            guint           row,
                            guint           col,
                            const GaColumn *column,
                            const GaValue  *carrier);
void ex_validate_column (Export         *ex,
                         const Sheet    *s,
                         guint           first_row,
                         guint           last_row,
                         guint           col,
                         const GaColumn *column);

/* ga-export-sheet-sources.c */
void ex_write_sources (Export *ex);
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
gboolean ex_item_is_scored (const GaItem *item);
guint ex_section_row (Export          *ex,
                      const GaSection *section);
guint ex_item_row (Export       *ex,
                   const GaItem *item);
gboolean ex_column_is_summable (const GaColumn *column);
gboolean ex_column_has_label (const GaColumn *column);
gboolean ex_is_key (Export     *ex,
                    const char *text);
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

/* ga-export-sheet-local.c: 附件2, 附件3 and 附件4 */
void ex_write_local (Export *ex);

G_END_DECLS
