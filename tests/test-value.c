/* test-value.c: the values formulas compute with
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ga-value.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_json_text (const GaValue *value)
{
  g_autoptr(JsonNode) node = ga_value_to_json (value);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
test_setters (void)
{
  GaValue value = GA_VALUE_INIT;

  g_assert_cmpint (value.kind, ==, GA_VALUE_BLANK);
  ga_value_set_number (&value, 12.5);
  g_assert_cmpint (value.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat (value.u.number, ==, 12.5);
  g_assert_true (ga_value_is_number (&value));

  ga_value_set_text (&value, "绿色");
  g_assert_cmpint (value.kind, ==, GA_VALUE_TEXT);
  g_assert_cmpstr (value.u.text, ==, "绿色");
  g_assert_false (ga_value_is_number (&value));

  ga_value_set_boolean (&value, 42);
  g_assert_cmpint (value.kind, ==, GA_VALUE_BOOLEAN);
  g_assert_true (value.u.boolean == TRUE);

  ga_value_set_error (&value, GA_ERROR_CODE_DIV0, "division by %s", "zero");
  g_assert_cmpint (value.kind, ==, GA_VALUE_ERROR);
  g_assert_cmpint (value.u.error.code, ==, GA_ERROR_CODE_DIV0);
  g_assert_cmpstr (value.u.error.message, ==, "division by zero");

  ga_value_set_na (&value);
  g_assert_cmpint (value.kind, ==, GA_VALUE_NA);

  ga_value_take_text (&value, g_strdup ("taken"));
  g_assert_cmpstr (value.u.text, ==, "taken");
  ga_value_take_text (&value, NULL);
  g_assert_cmpstr (value.u.text, ==, "");
  ga_value_set_text (&value, NULL);
  g_assert_cmpstr (value.u.text, ==, "");

  ga_value_set_blank (&value);
  g_assert_cmpint (value.kind, ==, GA_VALUE_BLANK);

  /* Clearing twice is harmless. */
  ga_value_clear (&value);
  ga_value_clear (&value);
}

static void
test_non_finite (void)
{
  GaValue value = GA_VALUE_INIT;

  ga_value_set_number (&value, NAN);
  g_assert_cmpint (value.kind, ==, GA_VALUE_ERROR);
  g_assert_cmpint (value.u.error.code, ==, GA_ERROR_CODE_NUM);
  g_assert_nonnull (value.u.error.message);

  ga_value_set_number (&value, INFINITY);
  g_assert_cmpint (value.u.error.code, ==, GA_ERROR_CODE_NUM);
  ga_value_set_number (&value, -INFINITY);
  g_assert_cmpint (value.u.error.code, ==, GA_ERROR_CODE_NUM);
  ga_value_clear (&value);
}

static void
test_invalid_utf8 (void)
{
  GaValue value = GA_VALUE_INIT;

  /* Text is repaired on the way in, so nothing downstream sees bad bytes. */
  ga_value_set_text (&value, "ab\xff" "cd");
  g_assert_cmpint (value.kind, ==, GA_VALUE_TEXT);
  g_assert_true (g_utf8_validate (value.u.text, -1, NULL));
  g_assert_true (g_str_has_prefix (value.u.text, "ab"));
  g_assert_true (g_str_has_suffix (value.u.text, "cd"));
  ga_value_take_text (&value, g_strdup ("\xc0\xaf"));
  g_assert_true (g_utf8_validate (value.u.text, -1, NULL));
  ga_value_clear (&value);
}

static void
test_copy (void)
{
  GaValue a = GA_VALUE_INIT;
  GaValue b = GA_VALUE_INIT;

  ga_value_set_text (&a, "copy me");
  ga_value_copy (&a, &b);
  g_assert_true (a.u.text != b.u.text);
  g_assert_true (ga_value_equal (&a, &b));

  ga_value_set_error (&a, GA_ERROR_CODE_REF, "gone");
  ga_value_copy (&a, &b);
  g_assert_cmpint (b.u.error.code, ==, GA_ERROR_CODE_REF);
  g_assert_cmpstr (b.u.error.message, ==, "gone");

  ga_value_set_error (&a, GA_ERROR_CODE_VALUE, NULL);
  ga_value_copy (&a, &b);
  g_assert_null (b.u.error.message);

  ga_value_set_number (&a, -3);
  ga_value_copy (&a, &b);
  g_assert_cmpfloat (b.u.number, ==, -3);

  /* Copying onto itself keeps the value. */
  ga_value_set_text (&a, "self");
  ga_value_copy (&a, &a);
  g_assert_cmpstr (a.u.text, ==, "self");

  ga_value_clear (&a);
  ga_value_clear (&b);
}

static void
test_equal (void)
{
  GaValue a = GA_VALUE_INIT;
  GaValue b = GA_VALUE_INIT;

  g_assert_true (ga_value_equal (&a, &b));            /* blank, blank */
  ga_value_set_na (&a);
  g_assert_false (ga_value_equal (&a, &b));           /* N/A is not blank */
  ga_value_set_na (&b);
  g_assert_true (ga_value_equal (&a, &b));

  ga_value_set_number (&a, 0.0);
  ga_value_set_number (&b, -0.0);
  g_assert_true (ga_value_equal (&a, &b));            /* -0 == 0 */
  ga_value_set_number (&b, 0.1 + 0.2);
  ga_value_set_number (&a, 0.3);
  g_assert_false (ga_value_equal (&a, &b));           /* exact, not Excel's tolerance */

  ga_value_set_text (&a, "abc");
  ga_value_set_text (&b, "ABC");
  g_assert_false (ga_value_equal (&a, &b));           /* byte for byte */
  ga_value_set_text (&b, "abc");
  g_assert_true (ga_value_equal (&a, &b));

  ga_value_set_number (&b, 1);
  g_assert_false (ga_value_equal (&a, &b));           /* kinds differ */
  ga_value_set_text (&a, "1");
  g_assert_false (ga_value_equal (&a, &b));

  ga_value_set_boolean (&a, TRUE);
  ga_value_set_boolean (&b, TRUE);
  g_assert_true (ga_value_equal (&a, &b));
  ga_value_set_boolean (&b, FALSE);
  g_assert_false (ga_value_equal (&a, &b));

  ga_value_set_error (&a, GA_ERROR_CODE_DIV0, "one message");
  ga_value_set_error (&b, GA_ERROR_CODE_DIV0, "another");
  g_assert_true (ga_value_equal (&a, &b));            /* same code */
  ga_value_set_error (&b, GA_ERROR_CODE_NUM, "one message");
  g_assert_false (ga_value_equal (&a, &b));

  ga_value_clear (&a);
  ga_value_clear (&b);
}

static void
test_number_to_string (void)
{
  static const struct {
    double      number;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { -0.0, "0" },
    { 1, "1" },
    { -2.5, "-2.5" },
    { 12.5, "12.5" },
    { 0.1, "0.1" },
    { 0.1 + 0.2, "0.3" },                  /* 15 significant digits */
    { 1.0 / 3, "0.333333333333333" },
    { 2.0 / 3, "0.666666666666667" },
    { 100000, "100000" },
    { 123456789012345, "123456789012345" },
    { 999999999999999, "999999999999999" },
    { 1e15, "1E+15" },
    { 1234567890123456, "1.23456789012346E+15" },
    { 1e20, "1E+20" },
    { -1.5e20, "-1.5E+20" },
    { 1.7976931348623157e308, "1.79769313486232E+308" },
    { 0.001, "0.001" },
    { 0.00001, "0.00001" },
    { 1e-9, "0.000000001" },
    { 1e-10, "1E-10" },
    { 1.0 / 30000, "3.33333333333333E-05" },
    { 5e-324, "4.94065645841247E-324" },
    { 1e100, "1E+100" },
    { 3.14159, "3.14159" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ga_number_to_string (cases[i].number);
      g_test_message ("%.17g", cases[i].number);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_display (void)
{
  GaValue value = GA_VALUE_INIT;
  char *text;

  text = ga_value_to_display (&value);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  ga_value_set_na (&value);
  text = ga_value_to_display (&value);
  g_assert_cmpstr (text, ==, "N/A");
  g_free (text);

  ga_value_set_number (&value, 1.0 / 3);
  text = ga_value_to_display (&value);
  g_assert_cmpstr (text, ==, "0.333333333333333");
  g_free (text);

  ga_value_set_boolean (&value, FALSE);
  text = ga_value_to_display (&value);
  g_assert_cmpstr (text, ==, "FALSE");
  g_free (text);

  ga_value_set_text (&value, "文本");
  text = ga_value_to_display (&value);
  g_assert_cmpstr (text, ==, "文本");
  g_free (text);

  ga_value_set_error (&value, GA_ERROR_CODE_NAME, "no such function");
  text = ga_value_to_display (&value);
  g_assert_cmpstr (text, ==, "#NAME?");
  g_free (text);

  ga_value_clear (&value);
}

static void
test_names (void)
{
  g_assert_cmpstr (ga_value_kind_to_string (GA_VALUE_BLANK), ==, "blank");
  g_assert_cmpstr (ga_value_kind_to_string (GA_VALUE_NA), ==, "n/a");
  g_assert_cmpstr (ga_value_kind_to_string (GA_VALUE_NUMBER), ==, "number");
  g_assert_cmpstr (ga_value_kind_to_string (GA_VALUE_TEXT), ==, "text");
  g_assert_cmpstr (ga_value_kind_to_string (GA_VALUE_BOOLEAN), ==, "boolean");
  g_assert_cmpstr (ga_value_kind_to_string (GA_VALUE_ERROR), ==, "error");

  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_DIV0), ==, "#DIV/0!");
  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_VALUE), ==, "#VALUE!");
  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_REF), ==, "#REF!");
  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_NAME), ==, "#NAME?");
  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_NUM), ==, "#NUM!");
  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_NA), ==, "#N/A");
  g_assert_cmpstr (ga_error_code_to_string (GA_ERROR_CODE_NONE), ==, "");
}

static void
test_json_round_trip (void)
{
  GaValue values[7];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    values[i] = (GaValue) GA_VALUE_INIT;
  ga_value_set_number (&values[1], 12.5);
  ga_value_set_text (&values[2], "绿色 \"quoted\"");
  ga_value_set_boolean (&values[3], TRUE);
  ga_value_set_na (&values[4]);
  ga_value_set_error (&values[5], GA_ERROR_CODE_DIV0, "division by zero at column 3");
  ga_value_set_number (&values[6], 0.1 + 0.2);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = to_json_text (&values[i]);
      g_autoptr(JsonNode) node = parse_json (text);
      GaValue back = GA_VALUE_INIT;

      g_test_message ("%s", text);
      g_assert_true (ga_value_from_json (node, &back, &error));
      g_assert_no_error (error);
      g_assert_true (ga_value_equal (&values[i], &back));
      if (back.kind == GA_VALUE_ERROR)
        g_assert_cmpstr (back.u.error.message, ==, values[i].u.error.message);
      if (back.kind == GA_VALUE_NUMBER)  /* bit for bit */
        g_assert_true (memcmp (&back.u.number, &values[i].u.number, sizeof (double)) == 0);
      ga_value_clear (&back);
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    ga_value_clear (&values[i]);
}

static void
test_json_forms (void)
{
  static const struct {
    const char *json;
    GaValueKind kind;
  } good[] = {
    { "null", GA_VALUE_BLANK },
    { "3", GA_VALUE_NUMBER },
    { "-3.25e2", GA_VALUE_NUMBER },
    { "\"text\"", GA_VALUE_TEXT },
    { "false", GA_VALUE_BOOLEAN },
    { "{\"na\": true}", GA_VALUE_NA },
    { "{\"error\": \"#N/A\"}", GA_VALUE_ERROR },
    { "{\"error\": \"#num!\", \"message\": null}", GA_VALUE_ERROR },
  };
  static const struct {
    const char *json;
    const char *fragment;
  } bad[] = {
    { "[1, 2]", "found an array" },
    { "{\"na\": false}", "{\"na\": true}" },
    { "{\"na\": true, \"x\": 1}", "{\"na\": true}" },
    { "{\"error\": \"#OOPS\"}", "found #OOPS" },
    { "{\"error\": 3}", "error code" },
    { "{\"error\": \"#REF!\", \"message\": 5}", "\"message\"" },
    { "{\"value\": 1}", "found an object" },
    { "{}", "found an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonNode) node = parse_json (good[i].json);
      g_autoptr(GError) error = NULL;
      GaValue value = GA_VALUE_INIT;

      g_test_message ("%s", good[i].json);
      g_assert_true (ga_value_from_json (node, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value.kind, ==, good[i].kind);
      ga_value_clear (&value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse_json (bad[i].json);
      g_autoptr(GError) error = NULL;
      GaValue value = GA_VALUE_INIT;

      g_test_message ("%s", bad[i].json);
      g_assert_false (ga_value_from_json (node, &value, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, bad[i].fragment));
    }

  /* An absent node is blank. */
  {
    GaValue value = GA_VALUE_INIT;
    ga_value_set_number (&value, 1);
    g_assert_true (ga_value_from_json (NULL, &value, NULL));
    g_assert_cmpint (value.kind, ==, GA_VALUE_BLANK);
  }
  /* A JSON integer larger than 2^53 still becomes a number. */
  {
    g_autoptr(JsonNode) node = parse_json ("9007199254740993");
    GaValue value = GA_VALUE_INIT;
    g_assert_true (ga_value_from_json (node, &value, NULL));
    g_assert_cmpfloat (value.u.number, ==, 9007199254740992.0);
  }
}

static void
test_json_output (void)
{
  GaValue value = GA_VALUE_INIT;
  g_autofree char *blank = NULL;
  g_autofree char *na = NULL;
  g_autofree char *error = NULL;
  g_autofree char *boolean = NULL;

  blank = to_json_text (&value);
  g_assert_cmpstr (blank, ==, "null");
  ga_value_set_na (&value);
  na = to_json_text (&value);
  g_assert_cmpstr (na, ==, "{\"na\":true}");
  ga_value_set_error (&value, GA_ERROR_CODE_DIV0, "x");
  error = to_json_text (&value);
  g_assert_cmpstr (error, ==, "{\"error\":\"#DIV/0!\",\"message\":\"x\"}");
  ga_value_set_boolean (&value, TRUE);
  boolean = to_json_text (&value);
  g_assert_cmpstr (boolean, ==, "true");
  ga_value_clear (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/value/setters", test_setters);
  g_test_add_func ("/ga/value/non-finite", test_non_finite);
  g_test_add_func ("/ga/value/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ga/value/copy", test_copy);
  g_test_add_func ("/ga/value/equal", test_equal);
  g_test_add_func ("/ga/value/number-to-string", test_number_to_string);
  g_test_add_func ("/ga/value/display", test_display);
  g_test_add_func ("/ga/value/names", test_names);
  g_test_add_func ("/ga/value/json-round-trip", test_json_round_trip);
  g_test_add_func ("/ga/value/json-forms", test_json_forms);
  g_test_add_func ("/ga/value/json-output", test_json_output);

  return g_test_run ();
}
