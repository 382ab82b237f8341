/* ga-doc.h: a small document model for reports, and its DOCX and PDF writers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GaDoc is a flat list of blocks (headings, paragraphs, bullet lists,
 * tables, images, charts, page breaks, a table of contents, a signature
 * block) plus metadata. It knows nothing about assessments: the report builder fills it,
 * and each writer lays it out in its own format from the same blocks, so the
 * DOCX and the PDF of one report carry the same text in the same order.
 *
 * Text is UTF-8. Every string is cleaned when it enters the model: invalid
 * UTF-8 is repaired, "\r\n" and "\r" become "\n", a tab becomes a space and
 * other control characters (C0 and C1) and non-characters are dropped, so
 * no input can make a writer produce invalid XML or a broken PDF string.
 * "\n" inside a paragraph or a table cell is a line break.
 *
 * Both writers put the result in place only when it is complete (a
 * temporary file beside the target, then a rename), so a failed write
 * never leaves a half-written file at the target path. The PDF's pages
 * come from ga-doc-layout.h, which lays a document out on any page size
 * and draws its pages into any cairo context (printing uses it).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GA_DOC_ERROR (ga_doc_error_quark ())

typedef enum {
  GA_DOC_ERROR_INVALID,  /* an argument cannot be used (not a PNG image, bad column widths ...) */
  GA_DOC_ERROR_WRITE,    /* writing the file failed (missing folder, disk full, permissions ...) */
} GaDocError;

GQuark ga_doc_error_quark (void);

typedef enum {
  GA_DOC_LANG_ZH_CN,
  GA_DOC_LANG_EN,
} GaDocLanguage;

typedef enum {
  GA_DOC_STYLE_NORMAL,    /* body text, 10.5 pt (五号); Chinese paragraphs indent two characters */
  GA_DOC_STYLE_SMALL,     /* notes and sources, 9 pt (小五) */
  GA_DOC_STYLE_CENTERED,  /* body size, centred, no indent */
  GA_DOC_STYLE_TITLE,     /* the cover title: large, bold, centred */
} GaDocParagraphStyle;

typedef enum {
  GA_DOC_ALIGN_START,
  GA_DOC_ALIGN_CENTER,
  GA_DOC_ALIGN_END,
} GaDocAlign;

typedef enum {
  GA_DOC_CHART_BARS,    /* horizontal bars: per category, one bar per series side by side */
  GA_DOC_CHART_SHARES,  /* the first series as shares of its total: a pie with a legend */
} GaDocChartKind;

typedef struct _GaDoc GaDoc;
typedef struct _GaDocParagraph GaDocParagraph;
typedef struct _GaDocTable GaDocTable;
typedef struct _GaDocChart GaDocChart;

/* The document. Title, author and running title start empty; the date is
 * the time of creation. */
GaDoc         *ga_doc_new                   (GaDocLanguage  language);
GaDoc         *ga_doc_ref                   (GaDoc         *doc);
void           ga_doc_unref                 (GaDoc         *doc);

GaDocLanguage  ga_doc_get_language          (GaDoc         *doc);
void           ga_doc_set_title             (GaDoc         *doc,
                                             const char    *title);
const char    *ga_doc_get_title             (GaDoc         *doc);
void           ga_doc_set_author            (GaDoc         *doc,
                                             const char    *author);
const char    *ga_doc_get_author            (GaDoc         *doc);
/* The document's date (metadata of both files); the document takes a
 * reference of its own. */
void           ga_doc_set_date              (GaDoc         *doc,
                                             GDateTime     *date);
GDateTime     *ga_doc_get_date              (GaDoc         *doc);
/* The text at the top of every page; NULL or "" for none. */
void           ga_doc_set_running_title     (GaDoc         *doc,
                                             const char    *text);
const char    *ga_doc_get_running_title     (GaDoc         *doc);
/* Number of blocks added so far. */
guint          ga_doc_get_n_blocks          (GaDoc         *doc);

/* Blocks, in reading order. Level is 1, 2 or 3 (values outside are
 * clamped). Headings appear in the table of contents and in the PDF's
 * bookmarks. */
void           ga_doc_add_heading           (GaDoc         *doc,
                                             guint          level,
                                             const char    *text);
/* A paragraph; `text` may be NULL to build it from runs. The returned
 * paragraph belongs to the document. */
GaDocParagraph *ga_doc_add_paragraph        (GaDoc              *doc,
                                             GaDocParagraphStyle style,
                                             const char         *text);
void           ga_doc_paragraph_add_run     (GaDocParagraph *paragraph,
                                             const char     *text,
                                             gboolean        bold);
/* One bullet per string of the NULL-terminated `items`. */
void           ga_doc_add_bullets           (GaDoc              *doc,
                                             const char * const *items);
/* A table of `n_columns` columns whose widths are fractions of the text
 * width (`widths` may be NULL for equal columns; otherwise n_columns
 * positive numbers, scaled to sum to 1). Fails with GA_DOC_ERROR_INVALID
 * for 0 or more than 63 columns or a width that is not positive. */
GaDocTable    *ga_doc_add_table             (GaDoc         *doc,
                                             guint          n_columns,
                                             const double  *widths,
                                             GError       **error);
/* The column headers (n_columns strings); they are repeated at the top of
 * every page the table spans. */
void           ga_doc_table_set_header      (GaDocTable         *table,
                                             const char * const *cells);
/* A merged header above the column headers, spanning `n_columns` columns
 * from `first_column`. Columns without such a group have their header span
 * both header rows. Groups that overlap an earlier one or run past the last
 * column are ignored (returns FALSE). */
gboolean       ga_doc_table_add_header_group (GaDocTable *table,
                                              guint       first_column,
                                              guint       n_columns,
                                              const char *text);
/* Alignment of a column's body cells (start by default). */
void           ga_doc_table_set_column_align (GaDocTable *table,
                                              guint       column,
                                              GaDocAlign  align);
/* A body row of n_columns strings (NULL entries are empty cells); returns
 * its index for ga_doc_table_set_cell_align(). */
guint          ga_doc_table_add_row         (GaDocTable         *table,
                                             const char * const *cells);
void           ga_doc_table_set_cell_align  (GaDocTable *table,
                                             guint       row,
                                             guint       column,
                                             GaDocAlign  align);
/* A PNG image `width_mm` wide (narrowed to the text width when wider),
 * with an optional caption below it. Fails with GA_DOC_ERROR_INVALID when
 * `png` is not a PNG image. */
gboolean       ga_doc_add_image             (GaDoc         *doc,
                                             GBytes        *png,
                                             double         width_mm,
                                             const char    *caption,
                                             GError       **error);
/* A chart of one to four data series over categories, as wide as the
 * text, with an optional caption below it: vector graphics in the PDF and
 * on paper, a PNG image in the DOCX. `series` names the series (a legend
 * says which bar is which; the shares chart uses only the first). `unit`
 * (NULL for none) is what the values count ("分", "tce"): it labels the
 * axis of a bar chart. Fails with GA_DOC_ERROR_INVALID for no series or
 * more than four. */
GaDocChart    *ga_doc_add_chart             (GaDoc              *doc,
                                             GaDocChartKind      kind,
                                             const char * const *series,
                                             const char         *unit,
                                             const char         *caption,
                                             GError            **error);
/* A category (a bar group, a slice) named `label` with one value per
 * series; a value that is NaN or infinite has no bar (or no slice), and
 * values below zero count as zero. `texts` (NULL, or one per series with
 * NULL entries) is how each value is written beside its bar or in the
 * legend; a missing text is the number with up to two decimals. */
void           ga_doc_chart_add_category    (GaDocChart         *chart,
                                             const char         *label,
                                             const double       *values,
                                             const char * const *texts);
void           ga_doc_add_page_break        (GaDoc         *doc);
/* Where the table of contents goes: a title and one entry per heading with
 * its page number. */
void           ga_doc_add_toc               (GaDoc         *doc);
/* Label lines with room to sign or seal after each ("法定代表人（签字）：",
 * "单位（盖章）：", "日期："), kept together on one page. */
void           ga_doc_add_signature         (GaDoc              *doc,
                                             const char * const *labels);

/* What a caller needs to size a table's columns to their content, in
 * points: the width of the text on a page (A4 portrait less the margins;
 * a table is as wide as that), the size of the text in table cells and
 * the padding on each side of a cell's text. Both writers use these. */
double         ga_doc_get_text_width        (void);
double         ga_doc_get_table_text_size   (void);
double         ga_doc_get_cell_padding      (void);

/* Writers. Both replace an existing file at `path`. */
gboolean       ga_doc_write_docx            (GaDoc         *doc,
                                             const char    *path,
                                             GError       **error);
gboolean       ga_doc_write_pdf             (GaDoc         *doc,
                                             const char    *path,
                                             GError       **error);

/* The font families the PDF uses, chosen from what fontconfig has: body
 * (宋体 class, falling back to any CJK font) and headings (黑体 class).
 * NULL when no CJK font is installed. */
const char    *ga_doc_get_body_font_family    (void);
const char    *ga_doc_get_heading_font_family (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaDoc, ga_doc_unref)

G_END_DECLS
