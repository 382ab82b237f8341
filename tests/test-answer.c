/* test-answer.c: answers in JSON and typed text, their checks and answer sets
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ga-answer.h"

static GaTemplate *tmpl;

static GaItem *
item (const char *id)
{
  GaItem *it = ga_template_find_item (tmpl, id);

  g_assert_nonnull (it);
  return it;
}

static GaAnswer *
from_json (const char  *id,
           const char  *json,
           GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) parse_error = NULL;

  node = json_from_string (json, &parse_error);
  g_assert_no_error (parse_error);
  return ga_answer_from_json (node, item (id), error);
}

/* Refused, with every fragment in the message. */
static void
assert_refused (const char *id,
                const char *json,
                int         code,
                const char *fragment1,
                const char *fragment2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswer) a = from_json (id, json, &error);

  g_assert_null (a);
  g_assert_error (error, GA_ANSWER_ERROR, code);
  if (strstr (error->message, fragment1) == NULL
      || (fragment2 != NULL && strstr (error->message, fragment2) == NULL))
    g_error ("answer %s = %s: expected '%s'%s%s in: %s", id, json, fragment1,
             fragment2 != NULL ? " and " : "", fragment2 != NULL ? fragment2 : "",
             error->message);
}

static void
test_json_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswer) num = from_json ("UP", "0.85", &error);
  g_autoptr(GaAnswer) whole = from_json ("UP", "1", &error);
  g_autoptr(GaAnswer) comp = from_json ("C1", "\"partial\"", &error);
  g_autoptr(GaAnswer) yes = from_json ("Y1", "true", &error);
  g_autoptr(GaAnswer) noted = from_json ("UP", "{\"value\": 0.9, \"note\": \"meter 2025\"}", &error);
  g_autoptr(GaAnswer) na = from_json ("UP", "{\"na\": \"no such product\"}", &error);
  g_autoptr(GaAnswer) na_true = from_json ("UP", "{\"na\": true}", &error);
  g_autoptr(GaAnswer) multi = from_json ("M1", "[\"x\", \"z\"]", &error);
  g_autoptr(GaAnswer) table = from_json ("E", "[{\"carrier\": \"a\", \"qty\": 3}, {}]", &error);
  g_autoptr(GaAnswer) blank = from_json ("UP", "null", &error);
  g_autoptr(GaAnswer) text = from_json ("CH", "\"b\"", &error);

  g_assert_no_error (error);
  g_assert_cmpint (num->value.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (num->value.u.number, ==, 0.85);
  g_assert_cmpfloat (whole->value.u.number, ==, 1);
  g_assert_cmpstr (comp->value.u.text, ==, GA_COMPLIANCE_PARTIAL);
  g_assert_cmpint (yes->value.kind, ==, GA_VALUE_BOOLEAN);
  g_assert_true (yes->value.u.boolean);
  g_assert_cmpfloat (noted->value.u.number, ==, 0.9);
  g_assert_cmpstr (noted->note, ==, "meter 2025");
  g_assert_true (na->not_applicable);
  g_assert_cmpstr (na->na_reason, ==, "no such product");
  g_assert_true (na_true->not_applicable);
  g_assert_null (na_true->na_reason);
  g_assert_cmpuint (g_strv_length (multi->selected), ==, 2);
  g_assert_cmpstr (multi->selected[1], ==, "z");
  g_assert_cmpuint (table->rows->len, ==, 2);
  g_assert_cmpfloat (((GaRow *) table->rows->pdata[0])->cells[1].u.number, ==, 3);
  g_assert_cmpint (((GaRow *) table->rows->pdata[1])->cells[0].kind, ==, GA_VALUE_BLANK);
  g_assert_true (ga_answer_is_empty (blank));
  g_assert_false (ga_answer_is_empty (na));
  g_assert_cmpstr (text->value.u.text, ==, "b");
}

static void
test_json_refused (void)
{
  /* Wrong kind, naming the item, the value and what is allowed. */
  assert_refused ("UP", "\"high\"", GA_ANSWER_ERROR_INVALID, "item 'UP'", "needs a number");
  assert_refused ("Y1", "\"yes\"", GA_ANSWER_ERROR_INVALID, "item 'Y1'", "true or false");
  assert_refused ("C1", "\"maybe\"", GA_ANSWER_ERROR_INVALID, "'maybe' is not an answer",
                  "write \"yes\", \"partial\" or \"no\"");
  /* Out of bounds: UP is 0 … 2. */
  assert_refused ("UP", "2.5", GA_ANSWER_ERROR_INVALID, "item 'UP': 2.5 is out of bounds",
                  "enter a number from 0 to 2");
  assert_refused ("NMET", "1.5", GA_ANSWER_ERROR_INVALID, "1.5 is not a whole number",
                  "enter a whole number, like 1 or 2");
  assert_refused ("P1", "6", GA_ANSWER_ERROR_INVALID, "item 'P1': 6 is out of bounds",
                  "from 0 to 5 points");
  /* Unknown options. */
  assert_refused ("CH", "\"d\"", GA_ANSWER_ERROR_INVALID, "'d' is not one of the options",
                  "choose one of a, b, c");
  assert_refused ("M1", "[\"x\", \"w\"]", GA_ANSWER_ERROR_INVALID, "'w' is not one of the options",
                  NULL);
  assert_refused ("M1", "[\"x\", \"x\"]", GA_ANSWER_ERROR_INVALID, "option 'x' is chosen twice",
                  NULL);
  assert_refused ("M1", "\"x\"", GA_ANSWER_ERROR_INVALID, "a list of option ids", NULL);
  /* Tables: cells checked against their columns. */
  assert_refused ("E", "[{\"carrier\": \"oil\"}]", GA_ANSWER_ERROR_INVALID,
                  "item 'E', row 1, column 'carrier': 'oil' is not one of the options",
                  "choose one of a, b");
  assert_refused ("E", "[{\"qty\": -1}]", GA_ANSWER_ERROR_INVALID,
                  "row 1, column 'qty': -1 is out of bounds", "enter a number of at least 0 unit");
  assert_refused ("E", "[{\"tce\": 1}]", GA_ANSWER_ERROR_NOT_ANSWERABLE,
                  "column 'tce'", "computed");
  assert_refused ("E", "[{\"colour\": 1}]", GA_ANSWER_ERROR_INVALID,
                  "unknown column 'colour'", "carrier, qty");
  assert_refused ("E", "[1]", GA_ANSWER_ERROR_INVALID, "a row is an object", NULL);
  /* N/A where it is not allowed, long forms, computed items. */
  assert_refused ("HAS_WW", "{\"na\": \"none\"}", GA_ANSWER_ERROR_INVALID,
                  "item 'HAS_WW' cannot be answered 不适用", NULL);
  assert_refused ("UP", "{\"value\": 1, \"na\": \"x\"}", GA_ANSWER_ERROR_INVALID,
                  "either a value or N/A", NULL);
  assert_refused ("UP", "{\"valeu\": 1}", GA_ANSWER_ERROR_INVALID, "unknown field 'valeu'", NULL);
  assert_refused ("UP", "{\"note\": 5}", GA_ANSWER_ERROR_INVALID, "the note must be text", NULL);
  assert_refused ("TOT", "5", GA_ANSWER_ERROR_NOT_ANSWERABLE, "'TOT' is computed", NULL);
  /* {"na": false} is not an answer: refused rather than read as unanswered. */
  assert_refused ("UP", "{\"na\": false}", GA_ANSWER_ERROR_INVALID,
                  "\"na\" must be a reason text or true", NULL);
  assert_refused ("UP", "{\"na\": 3}", GA_ANSWER_ERROR_INVALID,
                  "\"na\" must be a reason text or true, found a number", NULL);
}

/* A tree nested 100 000 levels, built in code (json-glib cannot even parse
 * it): refused without recursing through it. */
static void
test_json_deep_node (void)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswer) a = NULL;
  JsonArray *inner = json_array_new ();

  json_node_take_array (root, inner);
  for (guint i = 0; i < 100000; i++)
    {
      JsonArray *next = json_array_new ();
      json_array_add_array_element (inner, next);
      inner = next;
    }
  a = ga_answer_from_json (root, item ("E"), &error);
  g_assert_null (a);
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nested more than 200 levels"));
}

static void
test_to_json_roundtrip (void)
{
  const char *cases[][2] = {
    { "UP", "0.5" },   /* json-glib writes doubles with 17 digits: use exact binary fractions */
    { "C1", "\"no\"" },
    { "Y1", "false" },
    { "UP", "{\"value\":0.25,\"note\":\"n\"}" },
    { "UP", "{\"na\":\"reason\"}" },
    { "UP", "{\"na\":true}" },
    { "M1", "[\"y\"]" },
    { "E", "[{\"carrier\":\"b\",\"qty\":2.5}]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaAnswer) a = from_json (cases[i][0], cases[i][1], &error);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GaAnswer) b = NULL;
      g_autoptr(GaAnswer) copy = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      node = ga_answer_to_json (a, item (cases[i][0]));
      text = json_to_string (node, FALSE);
      g_assert_cmpstr (text, ==, cases[i][1]);
      b = ga_answer_from_json (node, item (cases[i][0]), &error);
      g_assert_no_error (error);
      g_assert_true (ga_answer_equal (a, b));
      copy = ga_answer_copy (a);
      g_assert_true (ga_answer_equal (a, copy));
    }
}

static void
test_parse_text (void)
{
  struct { const char *id, *text; GaValueKind kind; const char *expect; } ok[] = {
    { "C1", "符合", GA_VALUE_TEXT, "yes" },
    { "C1", "Partial", GA_VALUE_TEXT, "partial" },
    { "C1", "不符合", GA_VALUE_TEXT, "no" },
    { "Y1", "是", GA_VALUE_BOOLEAN, "TRUE" },
    { "Y1", "no", GA_VALUE_BOOLEAN, "FALSE" },
    { "UP", " 0.85 ", GA_VALUE_NUMBER, "0.85" },
    { "CH", "In progress", GA_VALUE_TEXT, "b" },   /* by label */
    { "CH", "A", GA_VALUE_TEXT, "a" },             /* id, any case */
    { "F1", "-3", GA_VALUE_NUMBER, "-3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaAnswer) a = ga_answer_parse_text (ok[i].text, item (ok[i].id), &error);
      g_autofree char *shown = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (a->value.kind, ==, ok[i].kind);
      shown = ga_value_to_display (&a->value);
      g_assert_cmpstr (shown, ==, ok[i].expect);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GaAnswer) na = ga_answer_parse_text ("na: no boiler", item ("UP"), &error);
    g_autoptr(GaAnswer) na_zh = ga_answer_parse_text ("不适用：没有锅炉", item ("UP"), &error);
    g_autoptr(GaAnswer) multi = ga_answer_parse_text ("x, Z，y", item ("M1"), &error);
    g_autoptr(GaAnswer) table = ga_answer_parse_text ("[{\"carrier\": \"a\"}]", item ("E"), &error);
    g_autoptr(GaAnswer) empty = ga_answer_parse_text ("  ", item ("UP"), &error);

    g_assert_no_error (error);
    g_assert_true (na->not_applicable);
    g_assert_cmpstr (na->na_reason, ==, "no boiler");
    g_assert_true (na_zh->not_applicable);
    g_assert_cmpstr (na_zh->na_reason, ==, "没有锅炉");
    g_assert_cmpuint (g_strv_length (multi->selected), ==, 3);
    g_assert_cmpstr (multi->selected[1], ==, "z");
    g_assert_cmpuint (table->rows->len, ==, 1);
    g_assert_true (ga_answer_is_empty (empty));
  }

  {
    struct { const char *id, *text, *fragment; int code; } bad[] = {
      { "UP", "12,5", "'12,5' is not a number", GA_ANSWER_ERROR_INVALID },
      { "UP", "3", "3 is out of bounds", GA_ANSWER_ERROR_INVALID },
      { "UP", "nan", "not a number", GA_ANSWER_ERROR_INVALID },
      { "UP", "1e999", "out of range", GA_ANSWER_ERROR_INVALID },
      { "C1", "maybe", "'maybe' is not an answer to a compliance check", GA_ANSWER_ERROR_INVALID },
      { "Y1", "perhaps", "'perhaps' is not yes or no", GA_ANSWER_ERROR_INVALID },
      { "CH", "gold", "'gold' is not one of the options; choose one of a, b, c",
        GA_ANSWER_ERROR_INVALID },
      /* Plain decimals only, and the message says how to write one. */
      { "UP", "0x10", "item 'UP': '0x10' is not a number; write it in decimal with a dot for "
        "decimals, like 12.5 or -3", GA_ANSWER_ERROR_INVALID },
      { "UP", "inf", "'inf' is not a number", GA_ANSWER_ERROR_INVALID },
      { "UP", "1.5.2", "'1.5.2' is not a number", GA_ANSWER_ERROR_INVALID },
      { "HAS_WW", "na", "cannot be answered 不适用", GA_ANSWER_ERROR_INVALID },
      { "E", "not json", "JSON list of rows", GA_ANSWER_ERROR_INVALID },
      { "TOT", "5", "computed", GA_ANSWER_ERROR_NOT_ANSWERABLE },
      { "UP", "\xff", "not valid UTF-8", GA_ANSWER_ERROR_INVALID },
    };
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GaAnswer) a = ga_answer_parse_text (bad[i].text, item (bad[i].id), &error);
        g_assert_null (a);
        g_assert_error (error, GA_ANSWER_ERROR, bad[i].code);
        if (strstr (error->message, bad[i].fragment) == NULL)
          g_error ("'%s' for %s: expected '%s' in %s", bad[i].text, bad[i].id, bad[i].fragment,
                   error->message);
      }
  }
}

static void
test_answer_set (void)
{
  g_autoptr(GaAnswerSet) set = ga_answer_set_new ();
  g_autoptr(GaAnswerSet) copy = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GaAnswer *a = ga_answer_new ();

  ga_value_set_number (&a->value, 1);
  ga_answer_set_take (set, "UP", a);
  a = ga_answer_new ();
  ga_value_set_boolean (&a->value, TRUE);
  ga_answer_set_take (set, "Y1", a);
  a = ga_answer_new ();
  ga_value_set_text (&a->value, "yes");
  ga_answer_set_take (set, "C1", a);
  g_assert_cmpuint (ga_answer_set_size (set), ==, 3);
  ids = ga_answer_set_get_ids (set);
  g_assert_cmpstr (ids->pdata[0], ==, "C1");
  g_assert_cmpstr (ids->pdata[2], ==, "Y1");
  copy = ga_answer_set_copy (set);
  ga_answer_set_take (set, "UP", NULL);
  g_assert_null (ga_answer_set_get (set, "UP"));
  g_assert_cmpuint (ga_answer_set_size (set), ==, 2);
  g_assert_cmpfloat (ga_answer_set_get (copy, "UP")->value.u.number, ==, 1);
}

static void
test_answer_file (void)
{
  static const char good[] =
    "{\"template\": \"engine-points\", \"answers\": {\"UP\": 0.85, \"C1\": {\"value\": \"yes\", "
    "\"note\": \"seen\"}, \"Y1\": {\"na\": \"no meter\"}, \"M1\": [\"x\"], \"DOWN\": null}}";
  static const char bad[] =
    "{\"template\": \"other\", \"answers\": {\"UP\": 5, \"NOPE\": 1, \"CH\": \"q\", \"TOT\": 1}, "
    "\"extra\": 1}";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-answer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "a.json", NULL);
  g_autoptr(GaAnswerSet) set = NULL;
  g_autoptr(GaAnswerSet) none = NULL;
  g_autoptr(JsonNode) out = NULL;
  g_autoptr(JsonNode) bad_root = NULL;
  g_autoptr(GaAnswerSet) again = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, good, -1, &error));
  set = ga_answer_set_new_from_file (path, tmpl, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ga_answer_set_size (set), ==, 4);   /* null leaves DOWN unanswered */
  g_assert_cmpstr (ga_answer_set_get (set, "C1")->note, ==, "seen");
  g_assert_true (ga_answer_set_get (set, "Y1")->not_applicable);

  /* Written back in template order and read again: the same answers. */
  out = ga_answer_set_to_json (set, tmpl);
  again = ga_answer_set_new_from_json (out, tmpl, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ga_answer_set_size (again), ==, 4);
  g_assert_true (ga_answer_equal (ga_answer_set_get (set, "M1"), ga_answer_set_get (again, "M1")));

  /* Every problem reported, one per line, each with its path. */
  bad_root = json_from_string (bad, &error);
  g_assert_no_error (error);
  none = ga_answer_set_new_from_json (bad_root, tmpl, &error);
  g_assert_null (none);
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "template: these answers are for template 'other', "
                                            "but the template being evaluated is "
                                            "'engine-points'"));
  g_assert_nonnull (strstr (error->message, "answers.UP: item 'UP': 5 is out of bounds"));
  g_assert_nonnull (strstr (error->message, "answers.NOPE: unknown item 'NOPE'"));
  g_assert_nonnull (strstr (error->message, "answers.CH: item 'CH': 'q' is not one of the "
                                            "options"));
  g_assert_nonnull (strstr (error->message, "answers.TOT: item 'TOT' is computed"));
  g_assert_nonnull (strstr (error->message, "extra: unknown field 'extra'"));
  /* In the order of the file, not of a hash table. */
  {
    const char *order[] = { "template:", "answers.UP:", "answers.NOPE:", "answers.CH:",
                            "answers.TOT:", "extra:" };
    const char *last = error->message;
    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        const char *at = strstr (error->message, order[i]);
        g_assert_nonnull (at);
        g_assert_true (at >= last);
        last = at;
      }
  }
  g_clear_error (&error);

  /* Not JSON, and a missing file. */
  g_assert_true (g_file_set_contents (path, "{\"template\": ", -1, &error));
  none = ga_answer_set_new_from_file (path, tmpl, &error);
  g_assert_null (none);
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE);
  g_clear_error (&error);
  g_unlink (path);
  none = ga_answer_set_new_from_file (path, tmpl, &error);
  g_assert_null (none);
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE);
  g_rmdir (dir);
}

/* Reads @text as an answers file; returns the error message (owned). */
static char *
file_error (const char *text,
            gssize      length,
            int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ga-answer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "n-json.json", NULL);
  g_autoptr(GaAnswerSet) set = NULL;
  char *message;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, text, length, &error));
  set = ga_answer_set_new_from_file (path, tmpl, &error);
  g_assert_null (set);
  g_assert_error (error, GA_ANSWER_ERROR, code);
  message = g_strdup (error->message);
  /* The caller puts the file name in front: it is not in the message. */
  g_assert_null (strstr (message, "n-json.json"));
  g_assert_null (strstr (message, "<data>"));
  g_unlink (path);
  g_rmdir (dir);
  return message;
}

#define assert_has(message, fragment) G_STMT_START { \
    if (strstr ((message), (fragment)) == NULL) \
      g_error ("expected '%s' in: %s", (fragment), (message)); \
  } G_STMT_END

static void
test_file_errors (void)
{
  g_autofree char *syntax = file_error ("{\"template\": \"engine-points\",\n  \"answers\": "
                                        "{\"UP\": 1,}}", -1, GA_ANSWER_ERROR_FILE);
  g_autofree char *not_utf8 = file_error ("{\"template\": \"engine-points\",\n \"answers\": "
                                          "{\"T\": \"\xff\"}}", -1, GA_ANSWER_ERROR_FILE);
  g_autofree char *trailing = file_error ("{\"template\": \"engine-points\", \"answers\": {}}\n"
                                          "{\"answers\": {\"UP\": 1}}", -1,
                                          GA_ANSWER_ERROR_FILE);
  g_autofree char *duplicate = file_error ("{\"template\": \"engine-points\", \"answers\": "
                                           "{\"UP\": 0.5,\n \"UP\": 0.9}}", -1,
                                           GA_ANSWER_ERROR_FILE);
  g_autofree char *missing = file_error ("{\"answers\": {\"UP\": 0.5}}", -1,
                                         GA_ANSWER_ERROR_INVALID);
  g_autofree char *empty = file_error ("  \n", -1, GA_ANSWER_ERROR_FILE);
  g_autoptr(GString) deep = g_string_new ("{\"template\": \"engine-points\", "
                                          "\"answers\": {\"E\": ");
  g_autofree char *deep_error = NULL;
  g_autofree char *unclosed = file_error ("{\"template\": \"engine-points\", \"answers\": {",
                                          -1, GA_ANSWER_ERROR_FILE);

  /* "LINE:COLUMN: what", in plain words (no json-glib jargon). */
  assert_has (syntax, "2:22: a comma before '}' is not allowed in JSON");
  assert_has (not_utf8, "2:20: the text is not valid UTF-8 (byte 0xFF)");
  assert_has (trailing, "unexpected content after the end of the JSON at line 2, column 1");
  assert_has (duplicate, "2:2: duplicate key \"UP\" in answers (it is already at line 1, "
              "column 43)");
  assert_has (missing, "$: missing required field 'template'");
  assert_has (empty, "1:1: the file is empty");
  assert_has (unclosed, "1:42: this object is not closed");

  /* The reviewer's crash: 100 000 '[' inside an answer. The answers
   * object is level 2, so the 199th '[' (column 48 + 198) is level 201. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  deep_error = file_error (deep->str, deep->len, GA_ANSWER_ERROR_FILE);
  assert_has (deep_error, "nested more than 200 levels at line 1, column 246");
}

/* Typed text goes through the same bounded parser. */
static void
test_parse_text_deep (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswer) a = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  a = ga_answer_parse_text (text->str, item ("E"), &error);
  g_assert_null (a);
  g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
  assert_has (error->message, "nested more than 200 levels");
  g_clear_error (&error);
  a = ga_answer_parse_text ("[{\"carrier\": \"a\", \"carrier\": \"b\"}]", item ("E"), &error);
  g_assert_null (a);
  assert_has (error->message, "duplicate key \"carrier\" in [0]");
}

/* Dates, and the cells of a table typed one by one as the application's
 * table editor does: the same checks and messages as typed answers and
 * answers files. */
static const char dates_template[] =
  "{\"format\": 1, \"id\": \"answer-dates\", \"version\": \"1.0.0\", \"kind\": \"custom\","
  " \"title\": \"Dates and cells\", \"standard\": {\"code\": \"TEST\"}, \"source\": \"test\","
  " \"scoring\": {\"scheme\": \"points\", \"max\": 0},"
  " \"sections\": [{\"id\": \"S\", \"title\": \"S\", \"items\": ["
  "  {\"id\": \"D1\", \"kind\": \"date\", \"title\": \"Permit date\", \"source\": \"test\"},"
  "  {\"id\": \"T\", \"kind\": \"table\", \"title\": \"Meters\", \"source\": \"test\","
  "   \"columns\": ["
  "    {\"id\": \"kind\", \"kind\": \"choice\", \"options\": ["
  "      {\"id\": \"elec\", \"label\": {\"zh_CN\": \"电表\", \"en\": \"Electricity\"}},"
  "      {\"id\": \"gas\", \"label\": \"Gas\"}]},"
  "    {\"id\": \"qty\", \"kind\": \"number\", \"title\": \"Quantity\", \"unit\": \"t\","
  "     \"min\": 0, \"max\": 100},"
  "    {\"id\": \"since\", \"kind\": \"date\"},"
  "    {\"id\": \"ok\", \"kind\": \"yesno\"},"
  "    {\"id\": \"twice\", \"kind\": \"computed\", \"value\": \"qty * 2\"}]}]}]}";

static void
test_dates_and_cells (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) t = ga_template_new_from_data (dates_template, -1, "dates.json", &error);
  GaItem *date, *table;
  GaColumn *kind, *qty, *since, *ok, *twice;
  GaValue v = GA_VALUE_INIT;

  g_assert_no_error (error);
  date = ga_template_find_item (t, "D1");
  table = ga_template_find_item (t, "T");
  kind = table->columns->pdata[0];
  qty = table->columns->pdata[1];
  since = table->columns->pdata[2];
  ok = table->columns->pdata[3];
  twice = table->columns->pdata[4];

  {
    struct { const char *text, *message; } bad[] = {
      { "2025/06/30", "item 'D1': '2025/06/30' is not a date; write it as YYYY-MM-DD, like "
        "2025-06-30" },
      { "30.6.2025", "item 'D1': '30.6.2025' is not a date; write it as YYYY-MM-DD" },
      { "2025-02-30", "item 'D1': there is no day '2025-02-30' in the calendar; check the month "
        "(01 to 12) and the day of the month" },
      { "2025-13-01", "there is no day '2025-13-01' in the calendar" },
    };
    g_autoptr(GaAnswer) good = ga_answer_parse_text ("2024-02-29", date, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (good->value.u.text, ==, "2024-02-29");
    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GaAnswer) a = ga_answer_parse_text (bad[i].text, date, &error);
        g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
        g_autoptr(GaAnswer) b = NULL;
        g_autofree char *typed = NULL;

        g_assert_null (a);
        g_assert_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID);
        assert_has (error->message, bad[i].message);
        typed = g_strdup (error->message);
        g_clear_error (&error);
        /* An answers file (and a package) says the same. */
        json_node_set_string (node, bad[i].text);
        b = ga_answer_from_json (node, date, &error);
        g_assert_null (b);
        g_assert_cmpstr (error->message, ==, typed);
        g_clear_error (&error);
      }
  }

  /* Cells: a typed number, date, option (id or label), yes/no. */
  g_assert_true (ga_answer_parse_cell_text (" 12.5 ", table, 0, qty, &v, &error));
  g_assert_no_error (error);
  g_assert_cmpint (v.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (v.u.number, ==, 12.5);
  g_assert_true (ga_answer_parse_cell_text ("Electricity", table, 0, kind, &v, &error));
  g_assert_cmpstr (v.u.text, ==, "elec");
  g_assert_true (ga_answer_parse_cell_text ("2025-01-31", table, 0, since, &v, &error));
  g_assert_cmpstr (v.u.text, ==, "2025-01-31");
  g_assert_true (ga_answer_parse_cell_text ("否", table, 0, ok, &v, &error));
  g_assert_cmpint (v.kind, ==, GA_VALUE_BOOLEAN);
  g_assert_false (v.u.boolean);
  g_assert_true (ga_answer_parse_cell_text ("  ", table, 0, qty, &v, &error));
  g_assert_cmpint (v.kind, ==, GA_VALUE_BLANK);
  g_assert_no_error (error);

  {
    struct { const char *text, *message; int code; } bad[] = {
      { "12,5", "item 'T', row 2, column 'qty' (Quantity): '12,5' is not a number; write "
        "it in decimal with a dot for decimals, like 12.5 or -3", GA_ANSWER_ERROR_INVALID },
      { "-5", "item 'T', row 2, column 'qty' (Quantity): -5 is out of bounds; enter a "
        "number from 0 to 100 t", GA_ANSWER_ERROR_INVALID },
      { "2025-02-30", "item 'T', row 2, column 'since': there is no day '2025-02-30'",
        GA_ANSWER_ERROR_INVALID },
      { "oil", "item 'T', row 2, column 'kind': 'oil' is not one of the options; choose "
        "one of elec, gas", GA_ANSWER_ERROR_INVALID },
      { "ja", "item 'T', row 2, column 'ok': 'ja' is not yes or no; enter yes (是) or "
        "no (否)", GA_ANSWER_ERROR_INVALID },
      { "3", "item 'T', row 2, column 'twice': the column is computed",
        GA_ANSWER_ERROR_NOT_ANSWERABLE },
    };
    GaColumn *columns[] = { qty, qty, since, kind, ok, twice };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_false (ga_answer_parse_cell_text (bad[i].text, table, 1, columns[i], &v,
                                                   &error));
        g_assert_error (error, GA_ANSWER_ERROR, bad[i].code);
        assert_has (error->message, bad[i].message);
        g_clear_error (&error);
      }
  }
  /* The same cell in an answers file: the same message. */
  {
    g_autoptr(GError) typed = NULL;
    g_autoptr(JsonNode) node = json_from_string ("[{}, {\"qty\": -5}]", &error);
    g_autoptr(GaAnswer) a = NULL;

    g_assert_no_error (error);
    g_assert_false (ga_answer_parse_cell_text ("-5", table, 1, qty, &v, &typed));
    a = ga_answer_from_json (node, table, &error);
    g_assert_null (a);
    g_assert_cmpstr (error->message, ==, typed->message);
  }
  ga_value_clear (&v);
}

/* The row @r of @rows joined with "|" (cells) for comparison. */
static char *
block_row (GPtrArray *rows,
           guint      r)
{
  return g_strjoinv ("|", g_ptr_array_index (rows, r));
}

/* Blocks as LibreOffice Calc and Excel put them on the clipboard. */
static void
test_split_block (void)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *r0 = NULL, *r1 = NULL, *r2 = NULL;

  rows = ga_answer_split_block ("原煤\t1000\tt\r\n电力\t200\t万kWh\r\n");
  g_assert_cmpuint (rows->len, ==, 2);
  r0 = block_row (rows, 0);
  r1 = block_row (rows, 1);
  g_assert_cmpstr (r0, ==, "原煤|1000|t");
  g_assert_cmpstr (r1, ==, "电力|200|万kWh");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&r0, g_free);
  g_clear_pointer (&r1, g_free);

  /* Empty cells stay (a gap in the block), a quoted cell keeps its tab,
   * line break and doubled quote; no final line break is fine. */
  rows = ga_answer_split_block ("a\t\tc\n\"x\ty\nz \"\"q\"\"\"\t2\n\t");
  g_assert_cmpuint (rows->len, ==, 3);
  r0 = block_row (rows, 0);
  r1 = block_row (rows, 1);
  r2 = block_row (rows, 2);
  g_assert_cmpstr (r0, ==, "a||c");
  g_assert_cmpstr (r1, ==, "x\ty\nz \"q\"|2");
  g_assert_cmpstr (r2, ==, "|");
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* One value is one row of one cell; nothing is no row. */
  rows = ga_answer_split_block ("12.5\n");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = ga_answer_split_block ("");
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* An unclosed quote ends with the text. */
  rows = ga_answer_split_block ("\"abc");
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "abc");
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "engine",
                                            "points-all.json", NULL);
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  tmpl = ga_template_new_from_file (path, &error);
  g_assert_no_error (error);

  g_test_add_func ("/ga/answer/json-forms", test_json_forms);
  g_test_add_func ("/ga/answer/json-refused", test_json_refused);
  g_test_add_func ("/ga/answer/to-json-roundtrip", test_to_json_roundtrip);
  g_test_add_func ("/ga/answer/parse-text", test_parse_text);
  g_test_add_func ("/ga/answer/set", test_answer_set);
  g_test_add_func ("/ga/answer/file", test_answer_file);
  g_test_add_func ("/ga/answer/file-errors", test_file_errors);
  g_test_add_func ("/ga/answer/json-deep-node", test_json_deep_node);
  g_test_add_func ("/ga/answer/parse-text-deep", test_parse_text_deep);
  g_test_add_func ("/ga/answer/dates-and-cells", test_dates_and_cells);
  g_test_add_func ("/ga/answer/split-block", test_split_block);
  ret = g_test_run ();
  ga_template_unref (tmpl);
  return ret;
}
