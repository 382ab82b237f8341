/* ga-answer.h: a user's answers to a template
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-template.h"

G_BEGIN_DECLS

#define GA_ANSWER_ERROR (ga_answer_error_quark ())

typedef enum {
  GA_ANSWER_ERROR_INVALID,   /* wrong kind, out of bounds, unknown option ...; message says how to fix */
  GA_ANSWER_ERROR_UNKNOWN_ITEM,
  GA_ANSWER_ERROR_NOT_ANSWERABLE, /* computed items */
  GA_ANSWER_ERROR_FILE,      /* answers file unreadable or not JSON */
} GaAnswerError;

GQuark ga_answer_error_quark (void);

/* Compliance answers are the text values "yes" (符合), "partial" (部分符合)
 * and "no" (不符合); yes/no answers are booleans; choice answers the option
 * id as text; numbers are numbers; text and dates are text. */
#define GA_COMPLIANCE_YES     "yes"
#define GA_COMPLIANCE_PARTIAL "partial"
#define GA_COMPLIANCE_NO      "no"

typedef struct {
  GaValue *cells;     /* one per column of the table item (computed ones stay blank) */
  guint    n_cells;
} GaRow;

typedef struct {
  GaValue    value;          /* scalar answer; BLANK when not answered */
  gboolean   not_applicable; /* answered 不适用 */
  char      *na_reason;
  char      *note;
  GStrv      selected;       /* MULTI: chosen option ids */
  GPtrArray *rows;           /* TABLE: GaRow* */
} GaAnswer;

GaAnswer    *ga_answer_new            (void);
GaAnswer    *ga_answer_copy           (const GaAnswer *answer);
void         ga_answer_free           (GaAnswer       *answer);
gboolean     ga_answer_is_empty       (const GaAnswer *answer);
gboolean     ga_answer_equal          (const GaAnswer *a,
                                       const GaAnswer *b);

/* JSON form of one answer (see docs/template-format.md, "Answers"). Short
 * forms are accepted: a bare value, {"na": "reason"}, a list of option ids
 * for MULTI, a list of row objects for TABLE; the long form is
 * {"value": ..., "note": ..., "na": "reason" | true}. Validation checks the
 * kind, bounds, options and columns of @item and names the item in every
 * message. */
GaAnswer    *ga_answer_from_json      (JsonNode       *node,
                                       const GaItem   *item,
                                       GError        **error);
JsonNode    *ga_answer_to_json        (const GaAnswer *answer,
                                       const GaItem   *item);

/* Parses a user-typed string for @item (used by `answer set` and the GUI):
 * "12.5", "yes"/"符合", "na:reason", option ids or labels ... This is the
 * one check of typed answers: its messages (translated, through gettext)
 * say what is wrong, name the item and say how to write the value, and
 * the application, greenassess-cli and the answers file show the same
 * ones. Numbers are plain decimals (12.5, -3, 1e3): 0x10, inf and nan are
 * refused. */
GaAnswer    *ga_answer_parse_text     (const char     *text,
                                       const GaItem   *item,
                                       GError        **error);
/* The same for the text typed into one cell of the table item @item (row
 * @row, from 0, column @column): a number, a date, an option id or label,
 * yes/no or text; "" leaves @out blank. Messages name the item, the row
 * and the column. */
gboolean     ga_answer_parse_cell_text (const char    *text,
                                        const GaItem  *item,
                                        guint          row,
                                        const GaColumn *column,
                                        GaValue       *out,
                                        GError       **error);

/* Splits a block copied from a spreadsheet (lines of tab-separated cells,
 * "\n" or "\r\n", one final line break ignored; a cell in double quotes
 * may hold tabs, line breaks and doubled quotes) into rows: a GPtrArray of
 * GStrv, one per line. An empty text gives no rows. */
GPtrArray   *ga_answer_split_block    (const char     *text);

/* A calendar date written YYYY-MM-DD (the form date answers take). */
gboolean     ga_answer_is_iso_date    (const char     *s);
/* Digits, an optional sign, decimal point and exponent: a number as people
 * write it and Excel reads it (not 0x10, inf, nan or "1,5"). */
gboolean     ga_answer_is_decimal     (const char     *text);

typedef struct _GaAnswerSet GaAnswerSet;

GaAnswerSet *ga_answer_set_new        (void);
void         ga_answer_set_free       (GaAnswerSet    *set);
GaAnswerSet *ga_answer_set_copy       (GaAnswerSet    *set);
const GaAnswer *ga_answer_set_get     (GaAnswerSet    *set,
                                       const char     *item_id);
/* Takes ownership of @answer; NULL removes the answer. */
void         ga_answer_set_take       (GaAnswerSet    *set,
                                       const char     *item_id,
                                       GaAnswer       *answer);
guint        ga_answer_set_size       (GaAnswerSet    *set);
/* Item ids with an answer, sorted. */
GPtrArray   *ga_answer_set_get_ids    (GaAnswerSet    *set);

/* The answers file: {"template": "id", "answers": {"E1": 12.5, ...}}.
 * Every problem is reported (one per line, each with its JSON path). */
GaAnswerSet *ga_answer_set_new_from_json (JsonNode    *root,
                                          GaTemplate  *tmpl,
                                          GError     **error);
GaAnswerSet *ga_answer_set_new_from_file (const char  *path,
                                          GaTemplate  *tmpl,
                                          GError     **error);
JsonNode    *ga_answer_set_to_json       (GaAnswerSet *set,
                                          GaTemplate  *tmpl);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaAnswer, ga_answer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaAnswerSet, ga_answer_set_free)

G_END_DECLS
