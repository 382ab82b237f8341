/* ga-value.c: the values formulas compute with
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ga-value"

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ga-formula-private.h"
#include "ga-value.h"

void
ga_value_clear (GaValue *value)
{
  g_return_if_fail (value != NULL);

  if (value->kind == GA_VALUE_TEXT)
    g_free (value->u.text);
  else if (value->kind == GA_VALUE_ERROR)
    g_free (value->u.error.message);

  value->kind = GA_VALUE_BLANK;
  memset (&value->u, 0, sizeof value->u);
}

void
ga_value_copy (const GaValue *src,
               GaValue       *dest)
{
  g_return_if_fail (src != NULL);
  g_return_if_fail (dest != NULL);

  if (src == dest)
    return;

  ga_value_clear (dest);
  dest->kind = src->kind;
  switch (src->kind)
    {
    case GA_VALUE_TEXT:
      dest->u.text = g_strdup (src->u.text != NULL ? src->u.text : "");
      break;
    case GA_VALUE_ERROR:
      dest->u.error.code = src->u.error.code;
      dest->u.error.message = g_strdup (src->u.error.message);
      break;
    case GA_VALUE_NUMBER:
      dest->u.number = src->u.number;
      break;
    case GA_VALUE_BOOLEAN:
      dest->u.boolean = src->u.boolean ? TRUE : FALSE;
      break;
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
    default:
      break;
    }
}

void
ga_value_set_blank (GaValue *value)
{
  g_return_if_fail (value != NULL);
  ga_value_clear (value);
}

void
ga_value_set_na (GaValue *value)
{
  g_return_if_fail (value != NULL);
  ga_value_clear (value);
  value->kind = GA_VALUE_NA;
}

void
ga_value_set_number (GaValue *value,
                     double   number)
{
  g_return_if_fail (value != NULL);

  /* A NaN or an infinity must never travel through the engine as a number:
   * Excel cannot store one either and shows #NUM! instead. */
  if (!isfinite (number))
    {
      ga_value_set_error (value, GA_ERROR_CODE_NUM, "the result is not a finite number");
      return;
    }

  ga_value_clear (value);
  value->kind = GA_VALUE_NUMBER;
  value->u.number = number;
}

void
ga_value_set_boolean (GaValue  *value,
                      gboolean  boolean)
{
  g_return_if_fail (value != NULL);
  ga_value_clear (value);
  value->kind = GA_VALUE_BOOLEAN;
  value->u.boolean = boolean ? TRUE : FALSE;
}

void
ga_value_set_text (GaValue    *value,
                   const char *text)
{
  g_return_if_fail (value != NULL);
  ga_value_take_text (value, g_strdup (text != NULL ? text : ""));
}

void
ga_value_take_text (GaValue *value,
                    char    *text)
{
  g_return_if_fail (value != NULL);

  if (text == NULL)
    text = g_strdup ("");

  /* Text reaches values from answer files and databases; everything after
   * this point assumes valid UTF-8, so repair it here once. */
  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);
      g_free (text);
      text = valid;
    }

  ga_value_clear (value);
  value->kind = GA_VALUE_TEXT;
  value->u.text = text;
}

void
ga_value_set_error (GaValue     *value,
                    GaErrorCode  code,
                    const char  *format,
                    ...)
{
  va_list args;
  char *message = NULL;

  g_return_if_fail (value != NULL);

  if (format != NULL)
    {
      va_start (args, format);
      message = g_strdup_vprintf (format, args);
      va_end (args);
    }

  ga_value_clear (value);
  value->kind = GA_VALUE_ERROR;
  value->u.error.code = code == GA_ERROR_CODE_NONE ? GA_ERROR_CODE_VALUE : code;
  value->u.error.message = message;
}

gboolean
ga_value_equal (const GaValue *a,
                const GaValue *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case GA_VALUE_BLANK:
    case GA_VALUE_NA:
      return TRUE;
    case GA_VALUE_NUMBER:
      /* == treats -0 and 0 as equal, which is what we want. */
      return a->u.number == b->u.number;
    case GA_VALUE_TEXT:
      return g_strcmp0 (a->u.text, b->u.text) == 0;
    case GA_VALUE_BOOLEAN:
      return (a->u.boolean != FALSE) == (b->u.boolean != FALSE);
    case GA_VALUE_ERROR:
      return a->u.error.code == b->u.error.code;
    default:
      return FALSE;
    }
}

/* Excel's General format as used when a number becomes text (the &
 * operator, LEN, a number shown in a cell): at most 15 significant digits,
 * no trailing zeros, and scientific notation ("1E+20", "1.5E-10") for
 * numbers too large or too small to write plainly. */
char *
ga_number_to_string (double number)
{
  char digits[16];
  char out[48];
  char *o = out;
  guint64 mantissa;
  int n_digits = 15;
  int exponent;

  if (!isfinite (number))
    return g_strdup ("#NUM!");
  if (number == 0)
    return g_strdup ("0");

  /* The 15 significant digits "%.14e" would print, without printf. */
  ga_decimal_15 (number, &mantissa, &exponent);
  for (int i = 14; i >= 0; i--, mantissa /= 10)
    digits[i] = (char) ('0' + mantissa % 10);
  digits[15] = '\0';
  while (n_digits > 1 && digits[n_digits - 1] == '0')
    digits[--n_digits] = '\0';

  if (number < 0)
    *o++ = '-';

  /* Plain notation while it needs no more than 15 digit positions after the
   * leading zeros of a small number, and the number is below 1E+15 (Excel
   * switches to E notation there); scientific otherwise. */
  if (exponent >= 15 || exponent < -9 || (exponent < 0 && (-exponent - 1) + n_digits > 15))
    {
      int e = ABS (exponent);

      *o++ = digits[0];
      if (n_digits > 1)
        {
          *o++ = '.';
          memcpy (o, digits + 1, n_digits - 1);
          o += n_digits - 1;
        }
      *o++ = 'E';
      *o++ = exponent < 0 ? '-' : '+';
      if (e >= 100)
        *o++ = (char) ('0' + e / 100);
      *o++ = (char) ('0' + e / 10 % 10);
      *o++ = (char) ('0' + e % 10);
    }
  else if (exponent < 0)
    {
      *o++ = '0';
      *o++ = '.';
      for (int i = 0; i < -exponent - 1; i++)
        *o++ = '0';
      memcpy (o, digits, n_digits);
      o += n_digits;
    }
  else
    {
      for (int i = 0; i <= exponent; i++)
        *o++ = i < n_digits ? digits[i] : '0';
      if (n_digits > exponent + 1)
        {
          *o++ = '.';
          memcpy (o, digits + exponent + 1, n_digits - exponent - 1);
          o += n_digits - exponent - 1;
        }
    }
  *o = '\0';
  return g_strdup (out);
}

char *
ga_value_to_display (const GaValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  switch (value->kind)
    {
    case GA_VALUE_BLANK:
      return g_strdup ("");
    case GA_VALUE_NA:
      return g_strdup ("N/A");
    case GA_VALUE_NUMBER:
      return ga_number_to_string (value->u.number);
    case GA_VALUE_TEXT:
      return g_strdup (value->u.text != NULL ? value->u.text : "");
    case GA_VALUE_BOOLEAN:
      return g_strdup (value->u.boolean ? "TRUE" : "FALSE");
    case GA_VALUE_ERROR:
      return g_strdup (ga_error_code_to_string (value->u.error.code));
    default:
      return g_strdup ("");
    }
}

const char *
ga_value_kind_to_string (GaValueKind kind)
{
  switch (kind)
    {
    case GA_VALUE_BLANK:
      return "blank";
    case GA_VALUE_NA:
      return "n/a";
    case GA_VALUE_NUMBER:
      return "number";
    case GA_VALUE_TEXT:
      return "text";
    case GA_VALUE_BOOLEAN:
      return "boolean";
    case GA_VALUE_ERROR:
      return "error";
    default:
      return "unknown";
    }
}

static const char * const error_code_names[] = {
  [GA_ERROR_CODE_NONE] = "",
  [GA_ERROR_CODE_DIV0] = "#DIV/0!",
  [GA_ERROR_CODE_VALUE] = "#VALUE!",
  [GA_ERROR_CODE_REF] = "#REF!",
  [GA_ERROR_CODE_NAME] = "#NAME?",
  [GA_ERROR_CODE_NUM] = "#NUM!",
  [GA_ERROR_CODE_NA] = "#N/A",
};

const char *
ga_error_code_to_string (GaErrorCode code)
{
  if ((guint) code < G_N_ELEMENTS (error_code_names))
    return error_code_names[code];
  return "#VALUE!";
}

JsonNode *
ga_value_to_json (const GaValue *value)
{
  JsonNode *node;

  g_return_val_if_fail (value != NULL, NULL);

  switch (value->kind)
    {
    case GA_VALUE_NUMBER:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_double (node, value->u.number);
      return node;
    case GA_VALUE_TEXT:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value->u.text != NULL ? value->u.text : "");
      return node;
    case GA_VALUE_BOOLEAN:
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, value->u.boolean);
      return node;
    case GA_VALUE_NA:
      {
        JsonObject *object = json_object_new ();
        json_object_set_boolean_member (object, "na", TRUE);
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    case GA_VALUE_ERROR:
      {
        JsonObject *object = json_object_new ();
        json_object_set_string_member (object, "error",
                                       ga_error_code_to_string (value->u.error.code));
        if (value->u.error.message != NULL)
          json_object_set_string_member (object, "message", value->u.error.message);
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, object);
        return node;
      }
    case GA_VALUE_BLANK:
    default:
      return json_node_new (JSON_NODE_NULL);
    }
}

static gboolean
error_code_from_string (const char  *text,
                        GaErrorCode *code)
{
  for (guint i = GA_ERROR_CODE_NONE + 1; i < G_N_ELEMENTS (error_code_names); i++)
    if (g_ascii_strcasecmp (text, error_code_names[i]) == 0)
      {
        *code = (GaErrorCode) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
json_node_describe (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      return "a value of an unsupported type";
    }
}

#define EXPECTED_FORMS "a number, a text, true/false, null, {\"na\": true} or {\"error\": \"#...\"}"

gboolean
ga_value_from_json (JsonNode  *node,
                    GaValue   *out,
                    GError   **error)
{
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      ga_value_set_blank (out);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          ga_value_set_number (out, (double) json_node_get_int (node));
          return TRUE;
        }
      if (type == G_TYPE_DOUBLE)
        {
          double number = json_node_get_double (node);
          if (!isfinite (number))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "expected a finite number, found %g", number);
              return FALSE;
            }
          ga_value_set_number (out, number);
          return TRUE;
        }
      if (type == G_TYPE_BOOLEAN)
        {
          ga_value_set_boolean (out, json_node_get_boolean (node));
          return TRUE;
        }
      if (type == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          if (text != NULL && !g_utf8_validate (text, -1, NULL))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "expected UTF-8 text, found invalid bytes");
              return FALSE;
            }
          ga_value_set_text (out, text);
          return TRUE;
        }
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      guint size = json_object_get_size (object);

      if (json_object_has_member (object, "na"))
        {
          JsonNode *na = json_object_get_member (object, "na");
          if (size == 1 && JSON_NODE_HOLDS_VALUE (na)
              && json_node_get_value_type (na) == G_TYPE_BOOLEAN && json_node_get_boolean (na))
            {
              ga_value_set_na (out);
              return TRUE;
            }
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "expected {\"na\": true} for a not-applicable value, found an object "
                       "with %u member%s or a \"na\" that is not true", size, size == 1 ? "" : "s");
          return FALSE;
        }

      if (json_object_has_member (object, "error"))
        {
          JsonNode *code_node = json_object_get_member (object, "error");
          JsonNode *message_node = json_object_get_member (object, "message");
          const char *code_text = NULL;
          const char *message = NULL;
          GaErrorCode code = GA_ERROR_CODE_NONE;

          if (JSON_NODE_HOLDS_VALUE (code_node)
              && json_node_get_value_type (code_node) == G_TYPE_STRING)
            code_text = json_node_get_string (code_node);
          if (code_text == NULL || !error_code_from_string (code_text, &code))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "expected an error code such as \"#DIV/0!\", \"#VALUE!\", \"#REF!\", "
                           "\"#NAME?\", \"#NUM!\" or \"#N/A\" in \"error\", found %s",
                           code_text != NULL ? code_text : json_node_describe (code_node));
              return FALSE;
            }
          if (message_node != NULL && !JSON_NODE_HOLDS_NULL (message_node))
            {
              if (!JSON_NODE_HOLDS_VALUE (message_node)
                  || json_node_get_value_type (message_node) != G_TYPE_STRING)
                {
                  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "expected a text in \"message\" of an error value, found %s",
                               json_node_describe (message_node));
                  return FALSE;
                }
              message = json_node_get_string (message_node);
            }
          if (message != NULL)
            ga_value_set_error (out, code, "%s", message);
          else
            ga_value_set_error (out, code, NULL);
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "expected " EXPECTED_FORMS ", found %s", json_node_describe (node));
  return FALSE;
}
