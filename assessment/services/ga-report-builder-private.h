/* ga-report-builder-private.h: what the files of the report builder share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-codes.h"
#include "ga-format.h"
#include "ga-narrative.h"
#include "ga-report-builder.h"

G_BEGIN_DECLS

typedef struct {
  GaSession          *session;
  GaEngine           *engine;
  GaTemplate         *tmpl;
  const GaEnterprise *enterprise;
  const GaAssessment *assessment;
  GaTemplateKind      kind;
  const char         *lang;
  gboolean            zh;
  GaDoc              *doc;
  GDateTime          *date;
  GPtrArray          *evidence;       /* GaEvidence*, all of the assessment */
  GHashTable         *evidence_count; /* item id -> count (GUINT_TO_POINTER) */
  GHashTable         *numbers;        /* GaItem* -> display number "2.3" */
  guint               part;           /* numbered parts written so far */
  guint               figures;        /* figures numbered so far */
} Report;

/* The same for texts with arguments, so that the compiler checks both
 * formats against them. */
#define TR_PRINTF(r, fmt_zh, fmt_en, ...) \
  ((r)->zh ? g_strdup_printf (fmt_zh, __VA_ARGS__) : g_strdup_printf (fmt_en, __VA_ARGS__))
#define TR_APPEND(r, string, fmt_zh, fmt_en, ...) \
  G_STMT_START { \
    if ((r)->zh) \
      g_string_append_printf (string, fmt_zh, __VA_ARGS__); \
    else \
      g_string_append_printf (string, fmt_en, __VA_ARGS__); \
  } G_STMT_END

static inline const char *
tr (const Report *r,
    const char   *zh,
    const char   *en)
{
  return r->zh ? zh : en;
}

static inline const char *
text_of (const Report *r,
         const GaText *text)
{
  const char *s = ga_text_get (text, r->lang);

  return s != NULL ? s : "";
}

static inline gboolean
empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static inline void
paragraph (Report     *r,
           const char *text)
{
  ga_doc_add_paragraph (r->doc, GA_DOC_STYLE_NORMAL, text);
}

static inline GaDocTable *
table (Report             *r,
       guint               n_columns,
       const double       *widths,
       const char * const *header)
{
  GaDocTable *t = ga_doc_add_table (r->doc, n_columns, widths, NULL);

  /* The widths are constants of the builder: the table always exists. */
  g_assert (t != NULL);
  ga_doc_table_set_header (t, header);
  return t;
}

static inline void
info_row (GaDocTable *t,
          const char *label,
          const char *value)
{
  const char *cells[] = { label, value != NULL ? value : "" };

  ga_doc_table_add_row (t, cells);
}

/* ga-report-builder.c */
char       *_ga_report_format_iso_date     (const Report *r,
                                            const char   *iso);
char       *_ga_report_industry_text       (const Report *r);
const char *_ga_report_item_number         (const Report *r,
                                            const GaItem *item);
char       *_ga_report_item_name           (const Report *r,
                                            const GaItem *item);
void        _ga_report_sub_heading         (Report       *r,
                                            guint         index,
                                            const char   *title);

/* The blocks the outline files (ga-report-outline-*.c) build with: the
 * numbered part @key of ga-narrative.c with the user's text, the enterprise
 * profile, the template's sections as sub-parts of @key, the summary, the
 * problems and next steps. */
void        _ga_report_part_heading        (Report       *r,
                                            const char   *key);
void        _ga_report_add_profile         (Report       *r);
void        _ga_report_add_sections        (Report       *r,
                                            const char   *key);
void        _ga_report_add_summary         (Report       *r);
void        _ga_report_add_problems        (Report       *r);
void        _ga_report_add_section_scores  (Report       *r);
/* A paragraph that starts with a bold label. */
void        _ga_report_labelled            (Report       *r,
                                            const char   *label,
                                            const char   *text);
void        _ga_report_add_section_chart   (Report       *r);

/* ga-report-outline-water.c: a water-saving enterprise (GB/T 7119) */
void        _ga_report_outline_water       (Report       *r);

/* ga-report-builder-matter.c: the cover, the filling notes and the table
 * of contents, the 基本信息表, the declaration, the evidence index */
void        _ga_report_add_cover           (Report *r);
void        _ga_report_add_notes           (Report *r);
void        _ga_report_add_basic_info      (Report *r);
void        _ga_report_add_declaration     (Report *r);
void        _ga_report_add_evidence_index  (Report *r);

/* ga-report-builder-table.c: a table of `n_cols` columns with `header`
 * and `rows` (each an array of n_cols strings), `numeric` columns aligned
 * to the right, its widths following what the cells hold. A table wider
 * than the page is set in parts that each repeat the row's key columns,
 * with a note before each part. Returns the number of parts. */
guint       _ga_report_add_fitted_table    (Report             *r,
                                            guint               n_cols,
                                            const char * const *header,
                                            GPtrArray          *rows,
                                            const gboolean     *numeric);

/* ga-report-builder-energy.c: the rows of every table item (returns how
 * many tables) and the computed indicators */
guint       _ga_report_add_data_tables     (Report *r);
void        _ga_report_add_outputs         (Report *r);
/* The energy mix as a chart, under a sub-heading numbered after the
 * tables (`n_tables` of them): the standard coal of each carrier as a
 * share of the total. Nothing when no row has a quantity yet. */
void        _ga_report_add_energy_mix      (Report *r,
                                            guint   n_tables);

/* ga-report-outline-diagnosis.c: the energy-saving diagnosis report */
void        _ga_report_outline_diagnosis   (Report *r);
/* ga-report-outline-supply.c: green supply chain management enterprise */
void        _ga_report_outline_supply_chain (Report *r);
/* ga-report-outline-park.c: the self-evaluation report of a green
 * industrial park */
void        _ga_report_outline_park        (Report *r);

G_END_DECLS
