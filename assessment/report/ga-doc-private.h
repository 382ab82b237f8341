/* ga-doc-private.h: the blocks of a GaDoc, shared by the writers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ga-doc.h"

G_BEGIN_DECLS

#define GA_DOC_MAX_COLUMNS 63

/* The page both writers use: A4 with the margins Chinese word processors
 * default to (2.54 cm top and bottom, 3.18 cm left and right). */
#define GA_DOC_PAGE_WIDTH_MM    210.0
#define GA_DOC_PAGE_HEIGHT_MM   297.0
#define GA_DOC_MARGIN_TOP_MM    25.4
#define GA_DOC_MARGIN_BOTTOM_MM 25.4
#define GA_DOC_MARGIN_SIDE_MM   31.8

/* Font sizes in points: body 五号, small 小五, headings 三号/四号/小四,
 * title 二号. */
#define GA_DOC_SIZE_BODY   10.5
#define GA_DOC_SIZE_SMALL  9.0
#define GA_DOC_SIZE_H1     16.0
#define GA_DOC_SIZE_H2     14.0
#define GA_DOC_SIZE_H3     12.0
#define GA_DOC_SIZE_TITLE  22.0

/* The padding left and right of a table cell's text, in points (the DOCX's
 * tblCellMar of 80 twips is the same). */
#define GA_DOC_CELL_PAD_X  4.0

typedef enum {
  GA_DOC_BLOCK_HEADING,
  GA_DOC_BLOCK_PARAGRAPH,
  GA_DOC_BLOCK_BULLETS,
  GA_DOC_BLOCK_TABLE,
  GA_DOC_BLOCK_IMAGE,
  GA_DOC_BLOCK_CHART,
  GA_DOC_BLOCK_PAGE_BREAK,
  GA_DOC_BLOCK_TOC,
  GA_DOC_BLOCK_SIGNATURE,
} GaDocBlockKind;

typedef struct {
  char     *text;
  gboolean  bold;
} GaDocRun;

struct _GaDocParagraph {
  GaDocParagraphStyle  style;
  GArray              *runs;       /* of GaDocRun */
};

typedef struct {
  guint  first;
  guint  n;
  char  *text;
} GaDocGroup;

typedef struct {
  char       **cells;              /* n_columns strings, never NULL */
  GaDocAlign  *align;              /* n_columns */
} GaDocRow;

struct _GaDocTable {
  guint        n_columns;
  double      *widths;             /* fractions summing to 1 */
  GaDocAlign  *column_align;
  char       **header;             /* n_columns strings, or NULL for no header row */
  GArray      *groups;             /* of GaDocGroup, sorted by first column */
  GPtrArray   *rows;               /* of GaDocRow */
};

typedef struct {
  GBytes *png;
  guint   pixel_width;
  guint   pixel_height;
  double  width_mm;
  char   *caption;                 /* NULL for none */
} GaDocImage;

#define GA_DOC_CHART_MAX_SERIES 4

typedef struct {
  char    *label;
  guint    n_values;               /* the chart's n_series */
  double  *values;                 /* NaN for none */
  char   **texts;                  /* NULL entries: the number */
} GaDocChartCategory;

struct _GaDocChart {
  GaDocChartKind  kind;
  guint           n_series;
  char          **series;          /* n_series names */
  char           *unit;            /* NULL for none */
  char           *caption;         /* NULL for none */
  GPtrArray      *categories;      /* of GaDocChartCategory */
};

typedef struct {
  GaDocBlockKind kind;
  guint          level;            /* heading */
  char          *text;             /* heading */
  guint          heading_index;    /* heading: 0, 1, 2 ... in document order */
  GaDocParagraph paragraph;        /* paragraph */
  char         **items;            /* bullets, signature labels */
  GaDocTable     table;
  GaDocImage     image;
  GaDocChart     chart;
} GaDocBlock;

struct _GaDoc {
  gatomicrefcount  ref_count;
  GaDocLanguage    language;
  char            *title;
  char            *author;
  char            *running_title;
  GDateTime       *date;
  GPtrArray       *blocks;         /* of GaDocBlock */
  guint            n_headings;
};

/* The text of `s` as it may appear in any output (see ga-doc.h). */
char       *ga_doc_clean_text        (const char *s);

/* The strings the writers put around page numbers and as the title of the
 * table of contents, in the document's language. */
const char *ga_doc_toc_title         (GaDoc *doc);

/* Writes `data` to `path` through a temporary file in the same folder. */
gboolean    ga_doc_replace_file      (const char  *path,
                                      const void  *data,
                                      gsize        len,
                                      GError     **error);

/* The installed CJK families to fall back to, best first, for the DOCX
 * font table (NULL-terminated, owned by the library). */
const char * const *ga_doc_fallback_families (void);

/* A new block of `kind` at the end of the document. */
GaDocBlock *ga_doc_append_block      (GaDoc          *doc,
                                      GaDocBlockKind  kind);

/* Frees what a chart block holds (ga-doc-chart.c). */
void        ga_doc_chart_clear       (GaDocChart *chart);

/* The chart `width` points wide, as the layout and the DOCX show it: its
 * height for that width, drawing it with its top-left corner at the
 * origin of `cr` (labels measured in `pango`, a context of
 * ga_doc_text_context_new()), and as a PNG image drawn `scale` pixels per
 * point. */
double      ga_doc_chart_get_height  (GaDocChart   *chart,
                                      PangoContext *pango,
                                      double        width);
void        ga_doc_chart_draw        (GaDocChart   *chart,
                                      cairo_t      *cr,
                                      PangoContext *pango,
                                      double        width);
GBytes     *ga_doc_chart_to_png      (GaDocChart    *chart,
                                      GaDocLanguage  language,
                                      double         width,
                                      double         scale,
                                      guint         *pixel_width,
                                      guint         *pixel_height,
                                      GError       **error);

G_END_DECLS
