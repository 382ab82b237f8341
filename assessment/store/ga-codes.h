/* ga-codes.h: national codes an enterprise record uses
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - 统一社会信用代码 (unified social credit code), GB 32100-2015: 18
 *   characters whose last one is a check character;
 * - 国民经济行业分类 (industrial classification), GB/T 4754-2017: the 20
 *   sections (门类 A–T) and 97 divisions (大类 01–97);
 * - 行政区划代码 (administrative divisions), GB/T 2260: the 34 province-level
 *   codes (110000 … 820000).
 *
 * The tables are compiled in (assessment/store/data/); their sources are
 * named there.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GA_CODES_ERROR (ga_codes_error_quark ())

typedef enum {
  GA_CODES_ERROR_CREDIT_CODE,  /* 统一社会信用代码 malformed or wrong check character */
  GA_CODES_ERROR_INDUSTRY,     /* not a GB/T 4754-2017 section or division */
  GA_CODES_ERROR_REGION,       /* not a GB/T 2260 province-level code */
} GaCodesError;

GQuark       ga_codes_error_quark          (void);

#define GA_CREDIT_CODE_LENGTH 18

/* The check character (18th) that GB 32100-2015 gives for the first 17
 * characters of @code, or '\0' when one of them is outside the code's
 * character set (0-9 A-H J-N P-R T-U W-Y). Only the first 17 bytes are read. */
char         ga_credit_code_check_char     (const char  *code);

/* Validates @code: 18 characters from the character set, the last one the
 * right check character. Lower-case letters and surrounding white space are
 * refused, because the code is printed upper-case on the licence; use
 * ga_credit_code_normalize() first for typed input. The message names what
 * is wrong, e.g. "统一社会信用代码 91350100M000100Y4X: the check character
 * should be 3, not X". */
gboolean     ga_credit_code_validate       (const char  *code,
                                            GError     **error);

/* Upper-cases ASCII letters and removes spaces and hyphens that people type
 * or copy along with a code. */
char        *ga_credit_code_normalize      (const char  *text);

/* The GB/T 2260 province-level code ("350000") that the administrative
 * division part of @code (characters 3–8) names, or NULL. */
const char  *ga_credit_code_get_province   (const char  *code);

typedef struct {
  const char *code;      /* "C" for a section, "26" for a division */
  const char *section;   /* the section letter (the same as code for a section) */
  const char *name;      /* the Chinese name as in the standard */
} GaIndustry;

/* Looks up a section ("C"), a division ("26") or a division with its
 * section ("C26"); NULL when the code is not in GB/T 4754-2017. */
const GaIndustry *ga_industry_lookup       (const char  *code);
/* As ga_industry_lookup(), with a message saying what a valid code looks
 * like. */
const GaIndustry *ga_industry_validate     (const char  *code,
                                            GError     **error);
/* All sections and divisions in order (A, 01, …, 05, B, 06, …); *n_entries
 * receives the count. */
const GaIndustry *ga_industry_get_all      (guint       *n_entries);
/* Whether @industry is what a person searching for @query means: a part
 * of its name ("化学" finds 化学原料和化学制品制造业), the start of its
 * code with or without the section letter ("26", "C26", "c2"), or a longer
 * code within it (the class "2614" is in division 26). Spaces around the
 * query are ignored; an empty query matches everything. */
gboolean          ga_industry_matches      (const GaIndustry *industry,
                                            const char       *query);

typedef struct {
  const char *code;      /* "350000" */
  const char *name;      /* "福建省" */
  const char *short_name; /* "福建" */
} GaRegion;

/* Looks up a province-level code ("350000"), a more specific GB/T 2260
 * code of a place inside it ("350102" gives 福建省), or a name ("福建省",
 * "福建"); NULL when nothing matches. */
const GaRegion   *ga_region_lookup         (const char  *code_or_name);
const GaRegion   *ga_region_validate       (const char  *code_or_name,
                                            GError     **error);
const GaRegion   *ga_region_get_all        (guint       *n_entries);

G_END_DECLS
