/* ga-narrative.h: the parts of the self-evaluation report that take the
 * user's own text, and how that text becomes paragraphs
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's outline follows the template's kind (submission.md §3): a
 * green factory's report has 一、工厂基本情况, 二、绿色工厂创建情况 with one
 * sub-part per dimension of the template, 三、自评价得分及结论 and
 * 四、存在问题及下一步计划. Each part and each dimension has a stable key
 * ("factory", "green-work", "green-work.S_EN" — the template's section
 * id): the store keeps the user's text under it, the report builder prints
 * it before what it generates, the check lists the parts still without
 * text, the application and greenassess-cli edit it.
 */
#pragma once

#include "ga-template.h"

G_BEGIN_DECLS

typedef struct {
  char            *key;       /* "factory", "green-work.S_EN" */
  char            *title;     /* in the language asked for: 工厂基本情况, or the section's title */
  char            *parent;    /* level 2: the title of the part it belongs to, else NULL */
  guint            level;     /* 1: a numbered part; 2: a dimension below one */
  const GaSection *section;   /* level 2: the template's root section; borrowed */
} GaNarrativePart;

void             ga_narrative_part_free    (GaNarrativePart *part);

/* The parts of the report of @tmpl that take text, in the order the
 * report prints them, titled in @language ("zh_CN" or "en"; NULL: the
 * user's language, ga_format_language()): GaNarrativePart*. */
GPtrArray       *ga_narrative_outline      (GaTemplate      *tmpl,
                                            const char      *language);
/* The part of @outline with @key, or NULL. */
const GaNarrativePart *ga_narrative_outline_find (GPtrArray *outline,
                                                  const char *key);

/* The title of the numbered part @key ("factory") of the report of a
 * template of @kind in @language ("zh_CN" or "en"); NULL when the outline
 * of that kind has no such part. */
const char      *ga_narrative_part_title   (GaTemplateKind   kind,
                                            const char      *key,
                                            const char      *language);

/* The paragraphs of a narrative: split on blank lines (a line of nothing
 * but white space), each paragraph's lines kept as they are and its
 * leading and trailing white space removed; empty paragraphs dropped. A
 * NULL-terminated array, empty for NULL. */
char           **ga_narrative_paragraphs   (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GaNarrativePart, ga_narrative_part_free)

G_END_DECLS
