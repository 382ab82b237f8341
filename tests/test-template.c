/* test-template.c: loading, validation messages and accessors of templates
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each malformed template below must fail with a message that contains the
 * expected fragment, which always includes the JSON path of the problem.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ga-json.h"
#include "ga-json-doc.h"
#include "ga-template.h"

/* The fields every template needs, so that each case shows only its point. */
#define HEAD "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"kind\": \"custom\", " \
             "\"title\": \"T\", \"standard\": {\"code\": \"X\"}, \"source\": \"test\", "
#define ITEM(id, rest) "{\"id\": \"" id "\", \"title\": \"" id "\", \"source\": \"s\", " rest "}"
#define SECTION(id, items) "{\"id\": \"" id "\", \"title\": \"" id "\", \"items\": [" items "]}"
#define ONE_SECTION(items) HEAD "\"sections\": [" SECTION ("S1", items) "]}"

typedef struct {
  const char *name;
  const char *json;
  GaTemplateError code;
  const char *fragments[4];
} BadCase;

static const BadCase bad_cases[] = {
  /* Not JSON at all: line:column. */
  { "not-json", "{\"format\": 1,\n  \"id\": \"t\",,}", GA_TEMPLATE_ERROR_JSON, { "2:" } },
  { "not-utf8", "{\"id\": \"t\xff\"}", GA_TEMPLATE_ERROR_JSON,
    { "1:10", "not valid UTF-8" } },
  { "empty", "", GA_TEMPLATE_ERROR_JSON, { "empty" } },
  { "huge-integer", "{\"format\": 123456789012345678901}", GA_TEMPLATE_ERROR_JSON,
    { "1:12", "too large" } },
  { "root-array", "[1, 2]", GA_TEMPLATE_ERROR_INVALID, { "$: a template is a JSON object" } },
  /* What json-glib would take silently: a second object (it keeps the
   * first), a key twice (the last wins), comments, single quotes. */
  { "trailing-object", "{\"format\": 1}\n{\"format\": 2}", GA_TEMPLATE_ERROR_JSON,
    { "unexpected content after the end of the JSON at line 2, column 1",
      "ended at line 1, column 14" } },
  { "duplicate-key", "{\"format\": 1, \"sections\": [{\"id\": \"S1\", \"items\": [{\"id\": \"A\", "
    "\"points\": 5,\n \"points\": 50}]}]}", GA_TEMPLATE_ERROR_JSON,
    { "2:2: duplicate key \"points\" in sections[0].items[0]", "line 1, column 63" } },
  { "comment", "{\"format\": 1 /* one */}", GA_TEMPLATE_ERROR_JSON,
    { "1:14: comments are not allowed in JSON" } },
  { "single-quotes", "{'format': 1}", GA_TEMPLATE_ERROR_JSON,
    { "1:2: a key must be in double quotes" } },
  { "missing-comma", "{\"format\": 1\n \"id\": \"t\"}", GA_TEMPLATE_ERROR_JSON,
    { "2:2: expected ',' or '}' after the value of \"format\"", "is a comma missing?" } },

  /* Missing, wrong-typed and unknown fields. */
  { "missing-id",
    "{\"format\": 1, \"version\": \"1\", \"kind\": \"custom\", \"title\": \"T\", "
    "\"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": []}",
    GA_TEMPLATE_ERROR_INVALID, { "$: missing required field 'id'", "sections: a template needs" } },
  { "format-2", "{\"format\": 2, \"id\": \"t\", \"version\": \"1\", \"kind\": \"custom\", "
    "\"title\": \"T\", \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    SECTION ("S1", ITEM ("A", "\"kind\": \"text\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "format: format 2 is not supported" } },
  { "typo-top-level", HEAD "\"titel\": \"x\", \"sections\": [" SECTION ("S1", ITEM ("A", "\"kind\": \"text\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "titel: unknown field 'titel' (did you mean 'title'?)" } },
  { "bad-kind", "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"kind\": \"factory\", "
    "\"title\": \"T\", \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    SECTION ("S1", ITEM ("A", "\"kind\": \"text\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "kind: unknown kind 'factory'" } },
  { "bad-template-id", "{\"format\": 1, \"id\": \"Bad Id\", \"version\": \"1\", \"kind\": \"custom\", "
    "\"title\": \"T\", \"standard\": {\"code\": \"X\"}, \"source\": \"s\", \"sections\": ["
    SECTION ("S1", ITEM ("A", "\"kind\": \"text\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "id: 'Bad Id' is not a valid template id" } },
  { "item-missing-source", ONE_SECTION ("{\"id\": \"A\", \"title\": \"A\", \"kind\": \"text\"}"),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: missing required field 'source'" } },
  { "points-wrong-type", ONE_SECTION (ITEM ("A", "\"kind\": \"yesno\", \"points\": \"5\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].points: expected a number, found a string" } },
  { "item-typo", ONE_SECTION (ITEM ("A", "\"kind\": \"yesno\", \"points\": 5, \"pionts\": 5")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].pionts: unknown field 'pionts' (did you mean 'points'?)" } },
  { "field-of-other-kind", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"options\": []")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].options: field 'options' is not used by items of kind 'number'" } },
  { "unknown-item-kind", ONE_SECTION (ITEM ("A", "\"kind\": \"slider\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].kind: unknown item kind 'slider'" } },
  /* A typo in the kind: the closest kind is suggested, and nothing that
   * depends on the kind is reported on top (see test_one_problem too). */
  { "kind-typo", ONE_SECTION (ITEM ("A", "\"kind\": \"compliace\", \"points\": 5")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].kind: unknown item kind 'compliace' (did you mean 'compliance'?)" } },
  { "column-kind-typo", ONE_SECTION (ITEM ("T", "\"kind\": \"table\", \"columns\": [{\"id\": "
                                          "\"q\", \"kind\": \"numbr\"}]")),
    GA_TEMPLATE_ERROR_INVALID,
    { "columns[0].kind: unknown column kind 'numbr' (did you mean 'number'?)" } },
  { "text-language-typo", ONE_SECTION ("{\"id\": \"A\", \"title\": {\"zh\": \"甲\"}, "
                                       "\"source\": \"s\", \"kind\": \"text\"}"),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].title.zh: unknown field 'zh' (did you mean 'zh_CN'?)" } },
  /* Constants that are always wrong. */
  { "interp-baseline-equals-leading",
    ONE_SECTION (ITEM ("N", "\"kind\": \"number\", \"points\": 10, \"score\": {\"interp\": "
                       "{\"baseline\": 0.8, \"leading\": 0.8}}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].score.interp: the baseline and the leading value are both 0.8",
      "always be #DIV/0!" } },
  /* Text used as a condition gives #VALUE! (or is skipped by AND/OR). */
  { "text-condition-if", ONE_SECTION (ITEM ("T1", "\"kind\": \"text\"") ","
                                      ITEM ("C", "\"kind\": \"computed\", \"value\": "
                                            "\"IF(T1, 1, 2)\"")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[1].value: column 4: T1 holds text and is used as a condition" } },
  { "text-condition-not-and-ifs",
    ONE_SECTION (ITEM ("T1", "\"kind\": \"text\"") ","
                 ITEM ("C", "\"kind\": \"computed\", \"value\": \"NOT(T1)\"") ","
                 ITEM ("D", "\"kind\": \"computed\", \"value\": \"AND(T1)\"") ","
                 ITEM ("E", "\"kind\": \"computed\", \"value\": \"IFS(T1, 1)\"")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[1].value: column 5: T1 holds text",
      "sections[0].items[2].value: column 5: T1 holds text",
      "sections[0].items[3].value: column 5: T1 holds text" } },
  { "text-literal-condition", ONE_SECTION (ITEM ("C", "\"kind\": \"computed\", \"value\": "
                                                "\"IF(\\\"abc\\\", 1, 2)\"")),
    GA_TEMPLATE_ERROR_INVALID,
    { "the text \"abc\" is used as a condition (TRUE/FALSE); it would give #VALUE!" } },
  { "bad-item-id", ONE_SECTION (ITEM ("1A", "\"kind\": \"text\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].id: '1A' is not a valid item id" } },
  { "bad-effective-date", "{\"format\": 1, \"id\": \"t\", \"version\": \"1\", \"kind\": \"custom\", "
    "\"title\": \"T\", \"standard\": {\"code\": \"X\", \"effective\": \"2025-13-01\"}, "
    "\"source\": \"s\", \"sections\": [" SECTION ("S1", ITEM ("A", "\"kind\": \"text\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "standard.effective: '2025-13-01' is not a date" } },
  { "text-without-language", ONE_SECTION ("{\"id\": \"A\", \"title\": {\"fr\": \"x\"}, "
                                          "\"source\": \"s\", \"kind\": \"text\"}"),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].title.fr: unknown field 'fr'", "sections[0].items[0].title: a text needs" } },
  { "unverified-without-reason", ONE_SECTION (ITEM ("A", "\"kind\": \"text\", \"verified\": false")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: an item with \"verified\": false needs" } },

  /* Duplicate ids, across sections, items, outputs and table columns. */
  { "duplicate-item", HEAD "\"sections\": [" SECTION ("S1", ITEM ("A1", "\"kind\": \"text\"")) ", "
    SECTION ("S2", ITEM ("A1", "\"kind\": \"text\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[1].items[0].id: duplicate id 'A1' (already used at sections[0].items[0])" } },
  { "duplicate-section-item", ONE_SECTION (ITEM ("S1", "\"kind\": \"text\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].id: duplicate id 'S1' (already used at sections[0])" } },
  { "duplicate-column", ONE_SECTION (ITEM ("A", "\"kind\": \"text\"") ", "
                                     ITEM ("T", "\"kind\": \"table\", \"columns\": [{\"id\": \"A\", \"kind\": \"number\"}]")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[1].columns[0].id: duplicate id 'A' (already used at sections[0].items[0])" } },
  { "duplicate-output", HEAD "\"sections\": [" SECTION ("S1", ITEM ("A", "\"kind\": \"number\"")) "], "
    "\"outputs\": [{\"id\": \"A\", \"title\": \"o\", \"value\": \"1\"}]}",
    GA_TEMPLATE_ERROR_INVALID, { "outputs[0].id: duplicate id 'A' (already used at sections[0].items[0])" } },
  { "duplicate-option", ONE_SECTION (ITEM ("C", "\"kind\": \"choice\", \"options\": [{\"id\": \"a\", \"points\": 1}, "
                                          "{\"id\": \"a\", \"points\": 2}]")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].options[1].id: duplicate option id 'a'" } },

  /* Formulas: references, parse errors, arguments, types, lookups. */
  { "unknown-reference", ONE_SECTION (ITEM ("A", "\"kind\": \"number\"") ", "
                                      ITEM ("B", "\"kind\": \"computed\", \"value\": \"A + E9\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[1].value: unknown item 'E9' at column 5" } },
  { "unknown-reference-in-score", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"points\": 5, "
                                                    "\"score\": {\"formula\": \"IF(A > E9, 5, 0)\"}")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].score.formula: unknown item 'E9' at column 8" } },
  { "parse-error", ONE_SECTION (ITEM ("B", "\"kind\": \"computed\", \"value\": \"(1 + 2\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].value: column " } },
  { "argument-count", ONE_SECTION (ITEM ("B", "\"kind\": \"computed\", \"value\": \"ROUND(1)\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].value: column ", "ROUND" } },
  { "unknown-function", ONE_SECTION (ITEM ("B", "\"kind\": \"computed\", \"value\": \"FROB(1)\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].value: column ", "FROB" } },
  { "type-error", ONE_SECTION (ITEM ("T1", "\"kind\": \"text\"") ", "
                               ITEM ("B", "\"kind\": \"computed\", \"value\": \"T1 * 2\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[1].value: column " } },
  { "condition-gives-text", ONE_SECTION (ITEM ("T1", "\"kind\": \"text\"") ", "
                                         ITEM ("B", "\"kind\": \"number\", \"applicable\": \"T1\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[1].applicable: a condition must give TRUE or FALSE" } },
  { "unknown-lookup-table", ONE_SECTION (ITEM ("B", "\"kind\": \"computed\", \"value\": \"FACTOR(\\\"nope\\\", \\\"k\\\", \\\"v\\\")\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].value: ", "unknown lookup table 'nope'" } },
  { "unknown-lookup-column", HEAD "\"tables\": [{\"id\": \"f\", \"title\": \"F\", \"source\": \"s\", "
    "\"columns\": [\"key\", \"v\"], \"rows\": [{\"key\": \"a\", \"values\": [1]}]}], \"sections\": ["
    SECTION ("S1", ITEM ("B", "\"kind\": \"computed\", \"value\": \"FACTOR(\\\"f\\\", \\\"a\\\", \\\"w\\\")\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].value: ", "lookup table 'f' has no column 'w'" } },
  { "column-title-unknown", HEAD "\"tables\": [{\"id\": \"f\", \"title\": \"F\", \"source\": \"s\", "
    "\"columns\": [\"key\", \"v\"], \"column_titles\": {\"w\": \"W\"}, "
    "\"rows\": [{\"key\": \"a\", \"values\": [1]}]}], \"sections\": ["
    SECTION ("S1", ITEM ("N", "\"kind\": \"number\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "tables[0].column_titles.w: 'w' is not a column of this table" } },
  { "column-titles-not-object", HEAD "\"tables\": [{\"id\": \"f\", \"title\": \"F\", \"source\": \"s\", "
    "\"columns\": [\"key\", \"v\"], \"column_titles\": [\"V\"], "
    "\"rows\": [{\"key\": \"a\", \"values\": [1]}]}], \"sections\": ["
    SECTION ("S1", ITEM ("N", "\"kind\": \"number\"")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "tables[0].column_titles: expected an object of column names" } },
  { "unknown-options-table", ONE_SECTION (ITEM ("T", "\"kind\": \"table\", \"columns\": [{\"id\": \"c\", "
                                                "\"kind\": \"choice\", \"options_table\": \"nope\"}]")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].columns[0].options_table: unknown lookup table 'nope'" } },
  { "unknown-table-column", ONE_SECTION (ITEM ("T", "\"kind\": \"table\", \"columns\": [{\"id\": \"q\", \"kind\": \"number\"}]") ", "
                                         ITEM ("B", "\"kind\": \"computed\", \"value\": \"SUM(T.qq)\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[1].value: table 'T' has no column 'qq' (at column 5; columns: q)" } },
  { "column-outside-table", ONE_SECTION (ITEM ("T", "\"kind\": \"table\", \"columns\": [{\"id\": \"q\", \"kind\": \"number\"}]") ", "
                                         ITEM ("B", "\"kind\": \"computed\", \"value\": \"q * 2\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[1].value: 'q' is a column of table 'T'; outside that table's rows use the range T.q" } },

  /* Sums. */
  { "section-points", HEAD "\"sections\": [{\"id\": \"S1\", \"title\": \"S\", \"points\": 20, \"items\": ["
    ITEM ("A", "\"kind\": \"yesno\", \"points\": 5") ", " ITEM ("B", "\"kind\": \"compliance\", \"points\": 10") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].points: the items and subsections add up to 15 points, not 20" } },
  { "template-max", HEAD "\"scoring\": {\"max\": 100}, \"sections\": [" SECTION ("S1", ITEM ("A", "\"kind\": \"yesno\", \"points\": 5")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "scoring.max: the sections add up to 5 points, not 100" } },
  { "category-weights", HEAD "\"scoring\": {\"scheme\": \"clean-production\", \"levels\": [{\"level\": 3, \"min_index\": 100}]}, "
    "\"sections\": [{\"id\": \"C1\", \"title\": \"C\", \"weight\": 0.5, \"items\": [" ITEM ("A", "\"kind\": \"yesno\", \"weight\": 1") "]}, "
    "{\"id\": \"C2\", \"title\": \"C\", \"weight\": 0.4, \"items\": [" ITEM ("B", "\"kind\": \"yesno\", \"weight\": 1") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections: the category weights add up to 0.9, not 1" } },
  { "indicator-weights", HEAD "\"scoring\": {\"scheme\": \"clean-production\", \"levels\": [{\"level\": 3, \"min_index\": 100}]}, "
    "\"sections\": [{\"id\": \"C1\", \"title\": \"C\", \"weight\": 1, \"items\": [" ITEM ("A", "\"kind\": \"yesno\", \"weight\": 0.5") ", "
    ITEM ("B", "\"kind\": \"yesno\", \"weight\": 0.3") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections[0]: the indicator weights of category 'C1' add up to 0.8, not 1" } },
  { "weights-out-of-range", HEAD "\"scoring\": {\"scheme\": \"clean-production\", \"levels\": [{\"level\": 3, \"min_index\": 100}]}, "
    "\"sections\": [{\"id\": \"C1\", \"title\": \"C\", \"weight\": 1.5, \"items\": [" ITEM ("A", "\"kind\": \"yesno\", \"weight\": 1.4") ", "
    ITEM ("B", "\"kind\": \"yesno\", \"weight\": -0.4") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].weight: a category weight is a share between 0 and 1, found 1.5",
                                 "sections[0].items[0].weight: an indicator weight is a share between 0 and 1, found 1.4",
                                 "sections[0].items[1].weight: an indicator weight is a share between 0 and 1, found -0.4" } },
  { "cp-without-levels", HEAD "\"scoring\": {\"scheme\": \"clean-production\"}, "
    "\"sections\": [{\"id\": \"C1\", \"title\": \"C\", \"weight\": 1, \"items\": [" ITEM ("A", "\"kind\": \"yesno\", \"weight\": 1") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "scoring: missing required field 'levels'" } },

  /* Kind-specific rules. */
  { "choice-without-options", ONE_SECTION (ITEM ("C", "\"kind\": \"choice\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: missing required field 'options'" } },
  { "bounds", ONE_SECTION (ITEM ("N", "\"kind\": \"number\", \"min\": 10, \"max\": 5")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: bounds: min 10 is greater than max 5" } },
  { "veto-with-points", ONE_SECTION (ITEM ("V", "\"kind\": \"yesno\", \"veto\": true, \"points\": 5")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: veto items are pass/fail and not scored" } },
  { "interp-on-text", ONE_SECTION (ITEM ("C", "\"kind\": \"text\", \"points\": 5, \"score\": "
                                        "{\"interp\": {\"baseline\": 1, \"leading\": 2}}")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].score: this rule compares a number, but items of kind 'text'" } },
  { "two-score-forms", ONE_SECTION (ITEM ("N", "\"kind\": \"number\", \"points\": 5, \"score\": "
                                         "{\"formula\": \"5\", \"interp\": {\"baseline\": 1, \"leading\": 2}}")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].score: a scoring rule needs exactly one of" } },
  { "band-step", ONE_SECTION (ITEM ("N", "\"kind\": \"number\", \"points\": 5, \"score\": "
                                   "{\"bands\": {\"steps\": [[1, 2, 3]]}}")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].score.bands.steps[0]: a step is [threshold, points]" } },
  { "levels-without-cmp", HEAD "\"scoring\": {\"scheme\": \"clean-production\", \"levels\": [{\"level\": 3, \"min_index\": 100}]}, "
    "\"sections\": [{\"id\": \"C1\", \"title\": \"C\", \"weight\": 1, \"items\": ["
    ITEM ("A", "\"kind\": \"number\", \"weight\": 1, \"score\": {\"levels\": {\"I\": 5}}") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].score.levels: missing required field 'cmp'" } },
  { "grades-order", HEAD "\"scoring\": {\"grades\": [{\"id\": \"B\", \"min\": 60}, {\"id\": \"A\", \"min\": 90}]}, "
    "\"sections\": [" SECTION ("S1", ITEM ("A", "\"kind\": \"yesno\", \"points\": 5")) "]}",
    GA_TEMPLATE_ERROR_INVALID, { "scoring.grades[1]: grades must be listed from the highest minimum down" } },

  /* Plausible ranges: soft, within the bounds, with their source. */
  { "plausible-reversed", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": "
                                             "{\"min\": 5, \"max\": 1, \"source\": \"s\"}")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].plausible: min 5 is greater than max 1" } },
  { "plausible-no-source", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": "
                                              "{\"max\": 100}")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].plausible: missing required field 'source'" } },
  { "plausible-empty", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": "
                                          "{\"source\": \"s\"}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].plausible: give \"min\", \"max\" or both" } },
  { "plausible-typo", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": "
                                         "{\"maxi\": 1, \"min\": 0, \"source\": \"s\"}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].plausible.maxi: unknown field 'maxi' (did you mean 'max'?)" } },
  { "plausible-not-object", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": [0, 100]")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0].plausible: expected an object" } },
  { "plausible-text-item", ONE_SECTION (ITEM ("A", "\"kind\": \"text\", \"plausible\": "
                                              "{\"max\": 1, \"source\": \"s\"}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].plausible: field 'plausible' is not used by items of kind 'text'" } },
  { "plausible-beyond-bounds", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"min\": 0, "
                                                  "\"max\": 100, \"plausible\": {\"min\": -5, "
                                                  "\"max\": 150, \"source\": \"s\"}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].plausible.min: -5 is below the bound min 0",
      "sections[0].items[0].plausible.max: 150 is above the bound max 100" } },
  { "plausible-unverified", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": "
                                               "{\"max\": 1, \"source\": \"s\", "
                                               "\"verified\": false}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].plausible: a range with \"verified\": false needs "
      "\"unverified_reason\"" } },
  { "plausible-except-item", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"plausible\": "
                                                "{\"min\": 0, \"source\": \"s\", \"except\": "
                                                "{\"column\": \"x\", \"values\": [\"y\"]}}")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].plausible.except: field 'except' is not used by the plausible "
      "range of an item" } },
  { "plausible-except-column", ONE_SECTION (ITEM ("T", "\"kind\": \"table\", \"columns\": ["
      "{\"id\": \"flow\", \"kind\": \"choice\", \"options\": [{\"id\": \"in\"}, {\"id\": \"out\"}]}, "
      "{\"id\": \"note\", \"kind\": \"text\"}, "
      "{\"id\": \"q\", \"kind\": \"number\", \"plausible\": {\"min\": 0, \"source\": \"s\", "
      "\"except\": {\"column\": \"flow\", \"values\": [\"export\"]}}}, "
      "{\"id\": \"r\", \"kind\": \"number\", \"plausible\": {\"min\": 0, \"source\": \"s\", "
      "\"except\": {\"column\": \"note\", \"values\": [\"x\"]}}}, "
      "{\"id\": \"s\", \"kind\": \"number\", \"plausible\": {\"min\": 0, \"source\": \"s\", "
      "\"except\": {\"column\": \"nope\", \"values\": []}}}]")),
    GA_TEMPLATE_ERROR_INVALID,
    { "sections[0].items[0].columns[2].plausible.except.values[0]: 'export' is not an option of "
      "column 'flow'",
      "sections[0].items[0].columns[3].plausible.except.column: column 'note' is not a choice "
      "column",
      "sections[0].items[0].columns[4].plausible.except.column: unknown column 'nope' of table 'T'",
      "sections[0].items[0].columns[4].plausible.except.values: list at least one option" } },

  /* Cycles, named in order. */
  { "cycle", ONE_SECTION (ITEM ("A", "\"kind\": \"computed\", \"value\": \"B + 1\"") ", "
                          ITEM ("B", "\"kind\": \"computed\", \"value\": \"C + 1\"") ", "
                          ITEM ("C", "\"kind\": \"computed\", \"value\": \"A + 1\"")),
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: cycle: A → B → C → A" } },
  { "self-applicability", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"applicable\": \"A > 0\"")),
    GA_TEMPLATE_ERROR_INVALID, { "cycle: A → A" } },
  { "section-cycle", HEAD "\"sections\": [{\"id\": \"S1\", \"title\": \"S\", \"applicable\": \"X > 1\", "
    "\"items\": [" ITEM ("X", "\"kind\": \"number\"") "]}]}",
    GA_TEMPLATE_ERROR_INVALID, { "sections[0].items[0]: cycle: X → applicability of S1 → X" } },

  /* Many problems at once: every one is listed. */
  { "many", ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"min\": 3, \"max\": 1, \"colour\": 1") ", "
                         ITEM ("A", "\"kind\": \"computed\", \"value\": \"Z\"")),
    GA_TEMPLATE_ERROR_INVALID,
    { "bounds: min 3", "sections[0].items[0].colour: unknown field", "duplicate id 'A'",
      "unknown item 'Z' at column 1" } },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  tmpl = ga_template_new_from_data (c->json, -1, "case", &error);
  g_assert_null (tmpl);
  g_assert_error (error, GA_TEMPLATE_ERROR, (gint) c->code);
  for (guint i = 0; i < G_N_ELEMENTS (c->fragments) && c->fragments[i] != NULL; i++)
    if (strstr (error->message, c->fragments[i]) == NULL)
      {
        g_test_message ("case %s: expected '%s' in:\n%s", c->name, c->fragments[i],
                        error->message);
        g_test_fail ();
      }

  /* The list form agrees with the error. */
  g_clear_error (&error);
  problems = ga_template_validate_data (c->json, -1, &error);
  if (c->code == GA_TEMPLATE_ERROR_JSON)
    {
      g_assert_null (problems);
      g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (problems);
      g_assert_cmpuint (problems->len, >, 0);
      for (guint i = 0; i < problems->len; i++)
        g_assert_null (strchr (problems->pdata[i], '\n'));
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '[');
  tmpl = ga_template_new_from_data (s->str, s->len, NULL, &error);
  g_assert_null (tmpl);
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
  g_assert_nonnull (strstr (error->message,
                            "nested more than 200 levels at line 1, column 201"));
}

/* @json loads, or fails with exactly @n problems, the first containing
 * @fragment. */
static void
assert_problems (const char *json,
                 guint       n,
                 const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = ga_template_validate_data (json, -1, &error);

  g_assert_no_error (error);
  if (problems->len != n || (n > 0 && strstr (problems->pdata[0], fragment) == NULL))
    {
      for (guint i = 0; i < problems->len; i++)
        g_test_message ("problem: %s", (char *) problems->pdata[i]);
      g_error ("expected %u problems, the first with '%s'; found %u", n, fragment,
               problems->len);
    }
}

/* One typo, one problem: the unknown kind is not followed by complaints
 * that only hold for the default kind ("items of kind 'text' are not
 * scored", "field 'options' is not used"), nor by type errors where the
 * item is used. */
static void
test_one_problem (void)
{
  assert_problems (ONE_SECTION (ITEM ("A", "\"kind\": \"compliace\", \"points\": 5, "
                                      "\"partial_factor\": 0.4") ","
                                ITEM ("B", "\"kind\": \"computed\", \"value\": \"A * 2\"")),
                   1, "did you mean 'compliance'?");
  assert_problems (ONE_SECTION (ITEM ("C", "\"kind\": \"choise\", \"options\": [{\"id\": "
                                      "\"a\", \"points\": 1}]")),
                   1, "did you mean 'choice'?");
}

/* Documented as valid: a veto choice whose failing option carries no
 * points (with no points anywhere the rule is "none"). */
static void
test_veto_choice (void)
{
  assert_problems (ONE_SECTION (ITEM ("V", "\"kind\": \"choice\", \"veto\": true, "
                                      "\"options\": [{\"id\": \"ok\"}, {\"id\": \"bad\", "
                                      "\"fails\": true}]")),
                   0, NULL);
  /* Without a failing option it still cannot fail. */
  assert_problems (ONE_SECTION (ITEM ("V", "\"kind\": \"choice\", \"veto\": true, "
                                      "\"options\": [{\"id\": \"ok\"}, {\"id\": \"bad\"}]")),
                   2, "a veto item needs something that can fail");
}

/* A computed item in section S1 that uses S1's score is a cycle only when
 * S1's score uses the item, i.e. when the item is scored. */
static void
test_section_self_reference (void)
{
  assert_problems (ONE_SECTION (ITEM ("A", "\"kind\": \"yesno\", \"points\": 4") ","
                                ITEM ("SHARE", "\"kind\": \"computed\", \"value\": "
                                      "\"S1 / 4 * 100\"")),
                   0, NULL);
  assert_problems (ONE_SECTION (ITEM ("A", "\"kind\": \"yesno\", \"points\": 4") ","
                                ITEM ("SHARE", "\"kind\": \"computed\", \"points\": 1, "
                                      "\"value\": \"S1 / 4\", \"score\": \"SHARE\"")),
                   1, "cycle:");
}

/* Documented in docs/template-format.md (item kinds, repeatable tables): a
 * table item's own value is its number of rows, so arithmetic with the
 * table is valid (energy+1 is the row count plus one, as the engine test
 * NROWS shows). A bare column id outside the table is still reported. */
#define ENERGY_TABLE ITEM ("energy", "\"kind\": \"table\", \"columns\": [{\"id\": \"qty\", " \
                           "\"kind\": \"number\"}]")
static void
test_table_value (void)
{
  assert_problems (ONE_SECTION (ENERGY_TABLE ","
                                ITEM ("N", "\"kind\": \"computed\", \"value\": \"energy+1\"")),
                   0, NULL);
  assert_problems (ONE_SECTION (ENERGY_TABLE ","
                                ITEM ("N", "\"kind\": \"computed\", \"value\": \"qty+1\"")),
                   1, "'qty' is a column of table 'energy'; outside that table's rows use the "
                   "range energy.qty");
}

/* Problems come in the order of the file, whichever check found them:
 * items[7]'s reference problem (found by the whole-template validation)
 * before items[11]'s field problem (found while reading). */
static void
test_problem_order (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"sections\": [{\"id\": \"S1\", \"title\": "
                                          "\"S\", \"items\": [");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    {
      if (i > 0)
        g_string_append (json, ", ");
      if (i == 7)
        g_string_append (json, ITEM ("I7", "\"kind\": \"computed\", \"value\": \"NOPE + 1\""));
      else if (i == 11)
        g_string_append (json, ITEM ("I11", "\"kind\": \"number\", \"unt\": \"t\""));
      else
        {
          g_autofree char *id = g_strdup_printf ("I%u", i);
          g_string_append_printf (json, "{\"id\": \"%s\", \"title\": \"x\", \"source\": \"s\", "
                                  "\"kind\": \"text\"}", id);
        }
    }
  g_string_append (json, "]}], \"scoring\": {\"scheme\": \"points\", \"maxx\": 1}}");
  problems = ga_template_validate_data (json->str, json->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (g_str_has_prefix (problems->pdata[0], "sections[0].items[7].value: unknown item "
                                                       "'NOPE'"));
  g_assert_true (g_str_has_prefix (problems->pdata[1], "sections[0].items[11].unt: unknown field"));
  g_assert_true (g_str_has_prefix (problems->pdata[2], "scoring.maxx: unknown field"));
}

static const char valid_json[] =
  "{\"format\": 1, \"id\": \"demo.t-1\", \"version\": \"2.1.0\", \"kind\": \"green-factory\",\n"
  " \"title\": {\"zh_CN\": \"演示\", \"en\": \"Demo\"},\n"
  " \"description\": \"d\",\n"
  " \"standard\": {\"code\": \"GB/T 1-2025\", \"title\": \"通则\", \"effective\": \"2025-12-31\"},\n"
  " \"province\": \"440000\", \"source\": \"test\", \"verified\": false, \"unverified_reason\": \"made up\",\n"
  " \"_comment\": \"ignored\",\n"
  " \"scoring\": {\"scheme\": \"points\", \"max\": 20, \"pass\": 12, \"na_policy\": \"award\", \"bonus_cap\": 3,\n"
  "   \"grades\": [{\"id\": \"A\", \"min\": 18, \"label\": {\"zh_CN\": \"优\", \"en\": \"Excellent\"}}, {\"id\": \"B\", \"min\": 12}]},\n"
  " \"tables\": [{\"id\": \"fac\", \"title\": \"F\", \"source\": \"s\", \"version\": \"2008\",\n"
  "   \"columns\": [\"key\", \"name\", \"kgce\"], \"units\": [null, null, \"kgce/kg\"],\n"
  "   \"rows\": [{\"key\": \"Coal\", \"values\": [\"原煤\", 0.7143], \"note\": \"Annex A\"},\n"
  "            {\"key\": \"gas\", \"values\": [\"天然气\", 1.2143], \"verified\": false}]}],\n"
  " \"sections\": [\n"
  "  {\"id\": \"S1\", \"title\": {\"zh_CN\": \"一\", \"en\": \"One\"}, \"clause\": \"5.1\", \"points\": 15,\n"
  "   \"na_policy\": \"exclude\",\n"
  "   \"items\": [\n"
  "     {\"id\": \"C1\", \"kind\": \"compliance\", \"title\": \"c\", \"source\": \"5.1.1\", \"points\": 10,\n"
  "      \"partial_factor\": 0.4, \"evidence\": [\"certificate\"], \"requirement\": \"r\", \"guidance\": \"g\"},\n"
  "     {\"id\": \"N1\", \"kind\": \"number\", \"title\": \"n\", \"source\": \"s\", \"unit\": \"%\", \"min\": 0,\n"
  "      \"max\": 100, \"integer\": true, \"points\": 5, \"mandatory\": false,\n"
  "      \"score\": {\"interp\": {\"baseline\": 80, \"leading\": \"90\"}}}],\n"
  "   \"sections\": [{\"id\": \"S1a\", \"title\": \"sub\", \"items\": [\n"
  "     {\"id\": \"T1\", \"kind\": \"text\", \"title\": \"t\", \"source\": \"s\"}]}]},\n"
  "  {\"id\": \"S2\", \"title\": \"Two\", \"applicable\": \"N1 > 0\", \"items\": [\n"
  "     {\"id\": \"Y1\", \"kind\": \"yesno\", \"title\": \"y\", \"source\": \"s\", \"veto\": true},\n"
  "     {\"id\": \"CH\", \"kind\": \"choice\", \"title\": \"ch\", \"source\": \"s\",\n"
  "      \"options\": [{\"id\": \"a\", \"label\": \"A\", \"points\": 5}, {\"id\": \"b\", \"points\": 2}]},\n"
  "     {\"id\": \"BO\", \"kind\": \"yesno\", \"title\": \"bonus\", \"source\": \"s\", \"bonus\": true, \"points\": 2},\n"
  "     {\"id\": \"E\", \"kind\": \"table\", \"title\": \"e\", \"source\": \"s\", \"min_rows\": 1,\n"
  "      \"columns\": [{\"id\": \"carrier\", \"kind\": \"choice\", \"options_table\": \"fac\"},\n"
  "                  {\"id\": \"qty\", \"kind\": \"number\", \"min\": 0, \"required\": true},\n"
  "                  {\"id\": \"tce\", \"kind\": \"computed\", \"value\": \"qty * FACTOR(\\\"fac\\\", carrier, \\\"kgce\\\") / 1000\", \"unit\": \"tce\"}],\n"
  "      \"rows\": [{\"carrier\": \"Coal\"}]},\n"
  "     {\"id\": \"K\", \"kind\": \"computed\", \"title\": \"k\", \"source\": \"s\", \"value\": \"SUM(E.tce)\", \"format\": \"0.00\"}]}],\n"
  " \"outputs\": [{\"id\": \"total\", \"title\": \"Total\", \"unit\": \"tce\", \"value\": \"K\", \"format\": \"0.0\"}]}\n";

static void
test_accessors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (valid_json, -1, "demo", &error);
  GaItem *c1, *n1, *ch, *e, *k;
  GaSection *s1, *s1a, *s2;
  GaLookupTable *fac;
  GaColumn *carrier;
  GaGrade *grade;
  const GaValue *cell;

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  g_assert_cmpstr (ga_template_get_id (tmpl), ==, "demo.t-1");
  g_assert_cmpstr (ga_template_get_version (tmpl), ==, "2.1.0");
  g_assert_cmpint (ga_template_get_kind (tmpl), ==, GA_TEMPLATE_KIND_GREEN_FACTORY);
  g_assert_cmpstr (ga_text_get (ga_template_get_title (tmpl), "zh_CN"), ==, "演示");
  g_assert_cmpstr (ga_text_get (ga_template_get_title (tmpl), "en"), ==, "Demo");
  g_assert_cmpstr (ga_template_get_standard (tmpl), ==, "GB/T 1-2025");
  g_assert_cmpstr (ga_template_get_standard_title (tmpl), ==, "通则");
  g_assert_cmpstr (ga_template_get_effective_date (tmpl), ==, "2025-12-31");
  g_assert_cmpstr (ga_template_get_province (tmpl), ==, "440000");
  g_assert_cmpstr (ga_template_get_source (tmpl), ==, "test");
  g_assert_false (ga_template_get_verified (tmpl));
  g_assert_cmpint (ga_template_get_scheme (tmpl), ==, GA_SCHEME_POINTS);
  g_assert_cmpfloat (ga_template_get_max_score (tmpl), ==, 20);
  g_assert_cmpfloat (ga_template_get_pass_score (tmpl), ==, 12);
  g_assert_cmpfloat (ga_template_get_bonus_cap (tmpl), ==, 3);
  g_assert_cmpint (ga_template_get_na_policy (tmpl), ==, GA_NA_POLICY_AWARD);
  g_assert_cmpuint (ga_template_get_grades (tmpl)->len, ==, 2);
  grade = ga_template_get_grades (tmpl)->pdata[0];
  g_assert_cmpstr (grade->id, ==, "A");
  g_assert_cmpfloat (grade->min_score, ==, 18);
  g_assert_cmpstr (ga_text_get (&grade->label, "zh_CN"), ==, "优");
  g_assert_cmpuint (ga_template_get_level_rules (tmpl)->len, ==, 0);

  /* Sections depth first, items in document order (a section's own items
   * before its subsections'). */
  g_assert_cmpuint (ga_template_get_root_sections (tmpl)->len, ==, 2);
  g_assert_cmpuint (ga_template_get_sections (tmpl)->len, ==, 3);
  s1 = ga_template_find_section (tmpl, "S1");
  s1a = ga_template_find_section (tmpl, "S1a");
  s2 = ga_template_find_section (tmpl, "S2");
  g_assert_true (ga_template_get_sections (tmpl)->pdata[1] == s1a);
  g_assert_true (s1a->parent == s1);
  g_assert_cmpuint (s1a->depth, ==, 1);
  g_assert_cmpfloat (s1->points, ==, 15);
  g_assert_true (isnan (s2->points));
  g_assert_cmpint (s1->na_policy, ==, GA_NA_POLICY_EXCLUDE);
  g_assert_cmpint (s1a->na_policy, ==, GA_NA_POLICY_EXCLUDE);   /* inherited from S1 */
  g_assert_cmpint (s2->na_policy, ==, GA_NA_POLICY_AWARD);      /* from the template */
  g_assert_nonnull (s2->applicable);
  g_assert_cmpstr (s1->clause, ==, "5.1");

  g_assert_cmpuint (ga_template_get_items (tmpl)->len, ==, 8);
  c1 = ga_template_find_item (tmpl, "C1");
  g_assert_true (ga_template_get_items (tmpl)->pdata[0] == c1);
  g_assert_cmpstr (((GaItem *) ga_template_get_items (tmpl)->pdata[2])->id, ==, "T1");
  g_assert_cmpint (c1->kind, ==, GA_ITEM_COMPLIANCE);
  g_assert_cmpint (c1->score.method, ==, GA_SCORE_COMPLIANCE);
  g_assert_cmpfloat (c1->score.partial_factor, ==, 0.4);
  g_assert_cmpstr (c1->evidence->pdata[0], ==, "certificate");
  g_assert_cmpstr (c1->json_path, ==, "sections[0].items[0]");
  g_assert_true (c1->section == s1);
  g_assert_true (c1->mandatory);
  g_assert_true (c1->na_allowed);
  n1 = ga_template_find_item (tmpl, "N1");
  g_assert_cmpint (n1->score.method, ==, GA_SCORE_INTERP);
  g_assert_cmpstr (ga_formula_get_text (n1->score.leading), ==, "90");
  g_assert_cmpfloat (n1->min, ==, 0);
  g_assert_cmpfloat (n1->max, ==, 100);
  g_assert_true (n1->integer);
  g_assert_false (n1->mandatory);
  g_assert_cmpstr (n1->unit, ==, "%");
  g_assert_true (ga_template_find_item (tmpl, "Y1")->veto);
  g_assert_true (isnan (ga_template_find_item (tmpl, "Y1")->points));
  ch = ga_template_find_item (tmpl, "CH");
  g_assert_cmpint (ch->score.method, ==, GA_SCORE_OPTIONS);
  g_assert_cmpfloat (ch->points, ==, 5);   /* the best option */
  g_assert_cmpstr (ga_text_get (&((GaOption *) ch->options->pdata[1])->label, "en"), ==, "b");
  g_assert_true (ga_template_find_item (tmpl, "BO")->bonus);

  e = ga_template_find_item (tmpl, "E");
  g_assert_cmpint (e->kind, ==, GA_ITEM_TABLE);
  g_assert_cmpuint (e->min_rows, ==, 1);
  g_assert_cmpuint (e->columns->len, ==, 3);
  carrier = e->columns->pdata[0];
  g_assert_cmpstr (carrier->options_table, ==, "fac");
  g_assert_cmpuint (carrier->options->len, ==, 2);
  g_assert_cmpstr (((GaOption *) carrier->options->pdata[0])->id, ==, "Coal");
  g_assert_true (((GaColumn *) e->columns->pdata[1])->required);
  g_assert_nonnull (((GaColumn *) e->columns->pdata[2])->formula);
  g_assert_cmpuint (e->fixed_rows->len, ==, 1);
  k = ga_template_find_item (tmpl, "K");
  g_assert_cmpstr (k->format, ==, "0.00");
  g_assert_false (k->na_allowed);

  g_assert_cmpuint (ga_template_get_outputs (tmpl)->len, ==, 1);
  g_assert_cmpstr (ga_template_find_output (tmpl, "total")->format, ==, "0.0");
  g_assert_null (ga_template_find_output (tmpl, "K"));
  g_assert_null (ga_template_find_item (tmpl, "total"));
  g_assert_null (ga_template_find_item (tmpl, "nope"));

  fac = ga_template_find_table (tmpl, "fac");
  g_assert_nonnull (fac);
  g_assert_cmpstr (fac->version, ==, "2008");
  g_assert_cmpstr (fac->column_units->pdata[2], ==, "kgce/kg");
  cell = ga_lookup_table_get (fac, "coal", "kgce");   /* keys ignore case */
  g_assert_nonnull (cell);
  g_assert_cmpfloat (cell->u.number, ==, 0.7143);
  cell = ga_lookup_table_get (fac, "gas", "name");
  g_assert_cmpstr (cell->u.text, ==, "天然气");
  g_assert_null (ga_lookup_table_get (fac, "oil", "kgce"));
  g_assert_null (ga_lookup_table_get (fac, "gas", "nope"));
  g_assert_false (((GaTableRow *) fac->rows->pdata[1])->verified);
  g_assert_cmpstr (((GaTableRow *) fac->rows->pdata[0])->note, ==, "Annex A");

  g_assert_cmpstr (ga_item_kind_to_string (GA_ITEM_MULTI), ==, "multi");
  g_assert_cmpstr (ga_template_kind_to_string (GA_TEMPLATE_KIND_CLEAN_PRODUCTION), ==,
                   "clean-production");
}

static void
test_content_hash (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) a = ga_template_new_from_data (valid_json, -1, NULL, &error);
  g_autoptr(GaTemplate) b = NULL;
  g_autoptr(GaTemplate) c = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, valid_json, -1);
  g_autofree char *spaced = g_strconcat (valid_json, " ", NULL);
  gsize length = 0;

  g_assert_no_error (error);
  b = ga_template_new_from_data (valid_json, strlen (valid_json), NULL, &error);
  g_assert_no_error (error);
  c = ga_template_new_from_data (spaced, -1, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ga_template_get_content_hash (a), ==, expected);
  g_assert_cmpuint (strlen (ga_template_get_content_hash (a)), ==, 64);
  g_assert_cmpstr (ga_template_get_content_hash (a), ==, ga_template_get_content_hash (b));
  /* One more space is different bytes, so a different template version. */
  g_assert_cmpstr (ga_template_get_content_hash (a), !=, ga_template_get_content_hash (c));
  g_assert_nonnull (g_bytes_get_data (ga_template_get_bytes (a), &length));
  g_assert_cmpuint (length, ==, strlen (valid_json));
  g_assert_cmpmem (g_bytes_get_data (ga_template_get_bytes (a), NULL), length, valid_json, length);
}

static void
test_validate_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = ga_template_validate_data (valid_json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-template-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "t.json", NULL);
  g_autoptr(GaTemplate) tmpl = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, valid_json, -1, &error));
  tmpl = ga_template_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ga_template_get_id (tmpl), ==, "demo.t-1");
  g_unlink (path);
  g_clear_pointer (&tmpl, ga_template_unref);
  tmpl = ga_template_new_from_file (path, &error);
  g_assert_null (tmpl);
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

/* The bundled list is whatever resources/templates/meson.build compiled in:
 * sorted, and every id loads by itself. */
static void
test_bundled (void)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) missing = NULL;

  g_assert_nonnull (ids);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (ids[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ga_template_get_id (tmpl), ==, ids[i]);
      g_assert_false (g_str_has_suffix (ids[i], ".json"));
      if (i > 0)
        g_assert_cmpint (strcmp (ids[i - 1], ids[i]), <, 0);
    }
  missing = ga_template_new_from_resource ("no-such-template", &error);
  g_assert_null (missing);
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  missing = ga_template_new_from_resource ("../etc/passwd", &error);
  g_assert_null (missing);
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_NOT_FOUND);
}

static void
test_text_fallback (void)
{
  GaText only_zh = { (char *) "中文", NULL };
  GaText none = { NULL, NULL };

  g_assert_cmpstr (ga_text_get (&only_zh, "en"), ==, "中文");
  g_assert_cmpstr (ga_text_get (&only_zh, "zh_CN"), ==, "中文");
  g_assert_cmpstr (ga_text_get (&none, NULL), ==, "");
  g_assert_cmpstr (ga_text_get (NULL, "en"), ==, "");
}

/* A plausible range is read with its source, its verification and the
 * rows it leaves out; it is allowed on number and computed items and
 * columns, and needs no hard bounds. */
static void
test_plausible (void)
{
  static const char json[] =
    ONE_SECTION (ITEM ("A", "\"kind\": \"number\", \"unit\": \"%\", \"min\": 0, \"plausible\": "
                       "{\"min\": 20, \"max\": 100, \"source\": \"table 2\"}") ", "
                 ITEM ("B", "\"kind\": \"computed\", \"value\": \"A * 2\", \"plausible\": "
                       "{\"max\": 150, \"source\": \"memo\", \"verified\": false, "
                       "\"unverified_reason\": \"draft\"}") ", "
                 ITEM ("T", "\"kind\": \"table\", \"columns\": ["
                       "{\"id\": \"flow\", \"kind\": \"choice\", \"options\": [{\"id\": \"in\"}, "
                       "{\"id\": \"export\"}]}, "
                       "{\"id\": \"q\", \"kind\": \"number\", \"plausible\": {\"min\": 0, "
                       "\"source\": \"s\", \"except\": {\"column\": \"flow\", "
                       "\"values\": [\"Export\"]}}}]"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (json, -1, "case", &error);
  const GaItem *a, *b, *t;
  const GaColumn *q;

  g_assert_no_error (error);
  a = ga_template_find_item (tmpl, "A");
  b = ga_template_find_item (tmpl, "B");
  t = ga_template_find_item (tmpl, "T");
  g_assert_nonnull (a->plausible);
  g_assert_cmpfloat (a->plausible->min, ==, 20);
  g_assert_cmpfloat (a->plausible->max, ==, 100);
  g_assert_cmpstr (a->plausible->source, ==, "table 2");
  g_assert_true (a->plausible->verified);
  g_assert_cmpint (a->plausible->except_column, ==, -1);
  g_assert_nonnull (b->plausible);
  g_assert_true (isnan (b->plausible->min));
  g_assert_false (b->plausible->verified);
  g_assert_cmpstr (b->plausible->unverified_reason, ==, "draft");
  q = g_ptr_array_index (t->columns, 1);
  g_assert_null (((const GaColumn *) g_ptr_array_index (t->columns, 0))->plausible);
  g_assert_nonnull (q->plausible);
  g_assert_cmpint (q->plausible->except_column, ==, 0);
  g_assert_cmpuint (q->plausible->except_values->len, ==, 1);
  g_assert_null (ga_template_find_item (tmpl, "A")->columns);
}

/* A lookup table's headings: the template's titles, by column name. */
static void
test_column_titles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_data (
      HEAD "\"tables\": [{\"id\": \"f\", \"title\": \"F\", \"source\": \"s\", "
      "\"columns\": [\"key\", \"ncv\", \"cc\"], "
      "\"column_titles\": {\"ncv\": {\"zh_CN\": \"低位发热量\", \"en\": \"Net calorific value\"}}, "
      "\"rows\": [{\"key\": \"a\", \"values\": [1, 2]}]}], \"sections\": ["
      SECTION ("S1", ITEM ("N", "\"kind\": \"number\"")) "]}", -1, NULL, &error);
  const GaLookupTable *table;

  g_assert_no_error (error);
  table = ga_template_find_table (tmpl, "f");
  g_assert_cmpstr (ga_text_get (&table->column_titles[1], "zh_CN"), ==, "低位发热量");
  g_assert_cmpstr (ga_text_get (&table->column_titles[1], "en"), ==, "Net calorific value");
  /* A column without a title has none; the export falls back. */
  g_assert_null (table->column_titles[2].zh);
  g_assert_null (table->column_titles[2].en);
}

/* ------------------------------------------------------------------------ */
/* The template reader (ga-json-doc.h)                                      */

/* @data must be read by ga_json_doc_parse() exactly when ga_json_check()
 * accepts it, and refused with the very same error. */
static void
assert_same_verdict (const char *data,
                     gsize       length,
                     guint       max_depth)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GError) doc_error = NULL;
  g_autoptr(GaJsonDoc) doc = ga_json_doc_parse (data, length, max_depth, &doc_error);
  gboolean ok = ga_json_check (data, length, max_depth, &check_error);

  if (ok != (doc != NULL))
    g_error ("%.*s: ga_json_check says %s, the reader %s", (int) length, data,
             ok ? "yes" : check_error->message, doc != NULL ? "yes" : doc_error->message);
  if (!ok)
    {
      g_assert_error (doc_error, GA_JSON_ERROR, check_error->code);
      g_assert_cmpstr (doc_error->message, ==, check_error->message);
    }
}

static void
test_reader_same_errors (void)
{
  static const char * const cases[] = {
    "", "  \n", "\xEF\xBB\xBF", "\xEF\xBB\xBF{}", "{}", "[]", "0", "-0", "-", "01", "1.", "1.5e",
    "1e+", "123456789012345678", "1234567890123456789", "-1234567890123456789", "1.5e400",
    "true", "tru", "nul", "False", "\"a\"", "\"a", "\"\\u0000\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"",
    "\"\\ud83d\"", "\"\\ude00\"", "\"\\x\"", "\"a\tb\"", "\"a\nb\"", "\"\xc3\"", "\"\xed\xa0\x80\"",
    "[1,]", "[1 2]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1 \"b\":2}",
    "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"a\":{\"a\":1},\"b\":{\"a\":2}}",
    "{\"a\":[{\"b\":1,\"b\":2}]}", "{} {}", "[] x", "[1] // c", "{\"a\":1 /* c */}", "+1", ".5",
    "[\"\xff\"]", "{\"\xff\":1}", "{\"k\":\"v\"\xff}", "[1\xff]", "\x01", "{\"a\":\"\x01\"}",
  };
  /* A document with every kind of value, changed one byte at a time and
   * cut short at every byte: both readers must agree on each. */
  const char *sample = "{\"id\": \"A1\", \"n\": -12.5e-1, \"t\": true, \"z\": null, "
                       "\"l\": [1, [2, {}], \"x\\\"y\\u00e9\"], \"o\": {\"k\": false}}";
  const char subst[] = { '"', ',', '}', ']', '{', '[', ':', '\\', 'x', '0', ' ', '\xff' };
  gsize len = strlen (sample);
  g_autoptr(GString) big = g_string_new ("{");
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_verdict (cases[i], strlen (cases[i]), GA_JSON_MAX_DEPTH);
  for (gsize cut = 0; cut <= len; cut++)
    assert_same_verdict (sample, cut, GA_JSON_MAX_DEPTH);
  for (gsize at = 0; at < len; at++)
    for (guint k = 0; k < G_N_ELEMENTS (subst); k++)
      {
        g_autofree char *changed = g_strdup (sample);
        changed[at] = subst[k];
        assert_same_verdict (changed, len, GA_JSON_MAX_DEPTH);
      }
  /* An object of 40 members: beyond the linear search for duplicates. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (big, "%s\"k%u\": %u", i ? ", " : "", i, i);
  assert_same_verdict (big->str, big->len - 0, GA_JSON_MAX_DEPTH);
  g_string_append (big, ", \"k7\": 0}");
  assert_same_verdict (big->str, big->len, GA_JSON_MAX_DEPTH);
  /* Nesting: 3 levels are fine under a limit of 3, 4 are not. */
  g_string_append (deep, "[[[1]]]");
  assert_same_verdict (deep->str, deep->len, 3);
  g_string_assign (deep, "[[[[1]]]]");
  assert_same_verdict (deep->str, deep->len, 3);
}

static void
test_reader_values (void)
{
  static const char text[] =
    "{\"i\": 12, \"d\": 1.5, \"e\": 1e3, \"m\": -0, \"s\": \"x\\u00e9\\n\\ud83d\\ude00\", "
    "\"l\": [true, null, \"\"], \"o\": {}, \"\\u0061b\": 2}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaJsonDoc) doc = ga_json_doc_parse (text, strlen (text), 10, &error);
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *copy_text = NULL;
  GaJsonNode *root, *l;
  GaJsonObjectIter iter;
  const char *key;
  char name[4];
  GString *order = g_string_new (NULL);

  g_assert_no_error (error);
  root = ga_json_doc_get_root (doc);
  g_assert_true (GA_JSON_NODE_HOLDS_OBJECT (root));
  g_assert_cmpuint (ga_json_object_get_size (root), ==, 8);
  /* Whole numbers are integers, as json-glib reads them; the rest doubles. */
  g_assert_true (ga_json_node_get_value_type (ga_json_object_get_member (root, "i"))
                 == G_TYPE_INT64);
  g_assert_cmpint (ga_json_node_get_int (ga_json_object_get_member (root, "i")), ==, 12);
  g_assert_true (ga_json_node_get_value_type (ga_json_object_get_member (root, "d"))
                 == G_TYPE_DOUBLE);
  g_assert_cmpfloat (ga_json_node_get_double (ga_json_object_get_member (root, "d")), ==, 1.5);
  g_assert_cmpfloat (ga_json_node_get_double (ga_json_object_get_member (root, "e")), ==, 1000);
  g_assert_cmpint (ga_json_node_get_int (ga_json_object_get_member (root, "m")), ==, 0);
  /* Escapes decoded: é is C3 A9, U+1F600 (a surrogate pair) F0 9F 98 80. */
  g_assert_cmpstr (ga_json_node_get_string (ga_json_object_get_member (root, "s")), ==,
                   "x\xc3\xa9\n\xf0\x9f\x98\x80");
  l = ga_json_object_get_member (root, "l");
  g_assert_true (GA_JSON_NODE_HOLDS_ARRAY (l));
  g_assert_cmpuint (ga_json_array_get_length (l), ==, 3);
  g_assert_true (ga_json_node_get_boolean (ga_json_array_get_element (l, 0)));
  g_assert_true (GA_JSON_NODE_HOLDS_NULL (ga_json_array_get_element (l, 1)));
  g_assert_cmpstr (ga_json_node_get_string (ga_json_array_get_element (l, 2)), ==, "");
  g_assert_null (ga_json_array_get_element (l, 3));
  g_assert_true (GA_JSON_NODE_HOLDS_OBJECT (ga_json_object_get_member (root, "o")));
  g_assert_null (ga_json_object_get_member (ga_json_object_get_member (root, "o"), "i"));
  /* A key written with an escape is the same key. */
  g_assert_cmpint (ga_json_node_get_int (ga_json_object_get_member (root, "ab")), ==, 2);
  g_assert_null (ga_json_object_get_member (root, "missing"));
  /* Names are remembered by address: the same buffer with another name
   * must still find the other member. */
  strcpy (name, "i");
  g_assert_cmpint (ga_json_node_get_int (ga_json_object_get_member (root, name)), ==, 12);
  strcpy (name, "ab");
  g_assert_cmpint (ga_json_node_get_int (ga_json_object_get_member (root, name)), ==, 2);
  strcpy (name, "zz");
  g_assert_null (ga_json_object_get_member (root, name));
  /* Members in the order of the document. */
  ga_json_object_iter_init (&iter, root);
  while (ga_json_object_iter_next (&iter, &key, NULL))
    g_string_append_printf (order, "%s ", key);
  g_assert_cmpstr (order->str, ==, "i d e m s l o ab ");
  g_string_free (order, TRUE);
  /* The same tree as json-glib nodes. */
  copy = ga_json_node_to_json_glib (root);
  copy_text = json_to_string (copy, FALSE);
  g_assert_cmpstr (copy_text, ==, "{\"i\":12,\"d\":1.5,\"e\":1000.0,\"m\":0,"
                   "\"s\":\"x\xc3\xa9\\n\xf0\x9f\x98\x80\",\"l\":[true,null,\"\"],\"o\":{},"
                   "\"ab\":2}");
}

/* The size limit is a default the user can raise, and the message says
 * how. */
static void
test_size_limit (void)
{
  g_autoptr(GString) text = g_string_new ("{\"description\": \"");
  g_autoptr(GError) error = NULL;
  GaTemplate *tmpl;

  g_unsetenv ("GREENASSESS_TEMPLATE_MAX_MB");
  g_assert_cmpuint (ga_template_get_max_bytes (), ==, 64 * 1024 * 1024);
  g_setenv ("GREENASSESS_TEMPLATE_MAX_MB", "many", TRUE);
  g_assert_cmpuint (ga_template_get_max_bytes (), ==, 64 * 1024 * 1024);

  /* 1.5 MB of text against a limit of 1 MB. */
  for (guint i = 0; i < 3 * 512 * 1024; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"}");
  g_setenv ("GREENASSESS_TEMPLATE_MAX_MB", "1", TRUE);
  g_assert_cmpuint (ga_template_get_max_bytes (), ==, 1024 * 1024);
  tmpl = ga_template_new_from_data (text->str, text->len, NULL, &error);
  g_assert_null (tmpl);
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
  g_assert_nonnull (strstr (error->message, "the file is 2 MB"));
  g_assert_nonnull (strstr (error->message, "templates are limited to 1 MB"));
  g_assert_nonnull (strstr (error->message, "GREENASSESS_TEMPLATE_MAX_MB"));
  g_clear_error (&error);

  /* Raised to 2 MB, the file is read: what it lacks is reported instead. */
  g_setenv ("GREENASSESS_TEMPLATE_MAX_MB", "2", TRUE);
  tmpl = ga_template_new_from_data (text->str, text->len, NULL, &error);
  g_assert_null (tmpl);
  g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "missing required field 'id'"));
  g_unsetenv ("GREENASSESS_TEMPLATE_MAX_MB");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/template/invalid/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/ga/template/invalid/deep-nesting", test_deep_nesting);
  g_test_add_func ("/ga/template/invalid/problem-order", test_problem_order);
  g_test_add_func ("/ga/template/invalid/one-problem", test_one_problem);
  g_test_add_func ("/ga/template/veto-choice", test_veto_choice);
  g_test_add_func ("/ga/template/section-self-reference", test_section_self_reference);
  g_test_add_func ("/ga/template/table-value", test_table_value);
  g_test_add_func ("/ga/template/accessors", test_accessors);
  g_test_add_func ("/ga/template/plausible", test_plausible);
  g_test_add_func ("/ga/template/content-hash", test_content_hash);
  g_test_add_func ("/ga/template/validate-data", test_validate_data);
  g_test_add_func ("/ga/template/file", test_file);
  g_test_add_func ("/ga/template/bundled", test_bundled);
  g_test_add_func ("/ga/template/text-fallback", test_text_fallback);
  g_test_add_func ("/ga/template/column-titles", test_column_titles);
  g_test_add_func ("/ga/template/reader/same-errors", test_reader_same_errors);
  g_test_add_func ("/ga/template/reader/values", test_reader_values);
  g_test_add_func ("/ga/template/size-limit", test_size_limit);
  return g_test_run ();
}
