/* ga-check.h: the pre-submission check — what a reviewer would send back
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ga-session.h"

G_BEGIN_DECLS

typedef enum {
  GA_CHECK_UNANSWERED,     /* an item that counts is not answered */
  GA_CHECK_NA_REASON,      /* 不适用 without a reason */
  GA_CHECK_EVIDENCE,       /* the item names evidence to keep and has none attached */
  GA_CHECK_UNVERIFIED,     /* a result uses a value not checked against the official text */
  GA_CHECK_ERROR,          /* a result cannot be computed (#DIV/0!, a missing input) */
  GA_CHECK_ENTERPRISE,     /* a field of the report's 基本信息表 is empty */
  GA_CHECK_NARRATIVE,      /* a part of the report has no text of the user's (a warning) */
  GA_CHECK_RANGE,          /* a value lies outside its plausible range (a wrong unit, a
                            * slipped decimal point); accepted, but worth a second look */
} GaCheckKind;

typedef struct {
  GaCheckKind  kind;
  const GaItem *item;      /* NULL for enterprise fields and report parts; borrowed */
  char        *field;      /* enterprise fields: the GaEnterprise field name; report
                            * parts: the part key ("green-work.S_EN"); a value of a
                            * table row out of range: the column id; else NULL */
  guint        row;        /* a value of a table row out of range: the row, from 1;
                            * else 0 */
  char        *message;    /* in the user's language, naming the item, field or part */
  gboolean     warning;    /* worth a look, not something a reviewer sends back */
} GaCheckFinding;

void        ga_check_finding_free (GaCheckFinding *finding);

/* Everything the check finds in the open assessment, in the order of the
 * template's items (a table's values row by row), then the enterprise's fields, then (warnings) the
 * report parts without text of the user's: GaCheckFinding*. It only
 * reads: an assessment with findings can still be exported. */
GPtrArray  *ga_check_session      (GaSession      *session);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaCheckFinding, ga_check_finding_free)

G_END_DECLS
