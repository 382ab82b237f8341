/* ga-report-builder.h: the self-evaluation report (自评价报告) of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga_report_build() fills a GaDoc (ga-doc.h) from an open session: the
 * cover, the filling notes, the table of contents, the 基本信息表, the
 * declaration with its signature block, four numbered parts whose outline
 * follows the template's kind (green factory, clean production, energy
 * audit, or a generic one) and the evidence index. Everything comes from
 * the store and the engine; a part with nothing to tell says which data is
 * missing. The document is in one language, zh_CN or en; write it with
 * ga_doc_write_docx() or ga_doc_write_pdf().
 */
#pragma once

#include "ga-doc.h"
#include "ga-session.h"

G_BEGIN_DECLS

/* The report of @session in @language ("zh_CN" or "en"; NULL for the
 * user's language, see ga_format_language()), dated @date (NULL: now).
 * NULL with @error when the evidence list cannot be read. */
GaDoc      *ga_report_build           (GaSession    *session,
                                       const char   *language,
                                       GDateTime    *date,
                                       GError      **error);

/* The report's title for the kind of @tmpl in @language
 * ("绿色工厂自评价报告" …). */
const char *ga_report_title_for       (GaTemplate   *tmpl,
                                       const char   *language);

G_END_DECLS
