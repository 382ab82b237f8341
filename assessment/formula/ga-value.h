/* ga-value.h: the values formulas compute with
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * GaValueKind:
 * @GA_VALUE_BLANK: not answered yet. Never silently becomes 0.
 * @GA_VALUE_NA: explicitly not applicable (不适用).
 * @GA_VALUE_NUMBER: a finite double.
 * @GA_VALUE_TEXT: UTF-8 text.
 * @GA_VALUE_BOOLEAN: TRUE or FALSE.
 * @GA_VALUE_ERROR: an Excel-style error with a code and a message.
 */
typedef enum {
  GA_VALUE_BLANK = 0,
  GA_VALUE_NA,
  GA_VALUE_NUMBER,
  GA_VALUE_TEXT,
  GA_VALUE_BOOLEAN,
  GA_VALUE_ERROR,
} GaValueKind;

/* Error codes, spelled as Excel spells them (see ga_error_code_to_string()). */
typedef enum {
  GA_ERROR_CODE_NONE = 0,
  GA_ERROR_CODE_DIV0,   /* #DIV/0! */
  GA_ERROR_CODE_VALUE,  /* #VALUE! wrong kind of operand */
  GA_ERROR_CODE_REF,    /* #REF!   reference to something that does not exist */
  GA_ERROR_CODE_NAME,   /* #NAME?  unknown function */
  GA_ERROR_CODE_NUM,    /* #NUM!   NaN, infinity, out of range */
  GA_ERROR_CODE_NA,     /* #N/A    lookup found nothing (not "not applicable") */
} GaErrorCode;

typedef struct {
  GaValueKind kind;
  union {
    double   number;
    gboolean boolean;
    char    *text;
    struct {
      GaErrorCode code;
      char       *message;
    } error;
  } u;
} GaValue;

#define GA_VALUE_INIT { GA_VALUE_BLANK, { 0 } }

void         ga_value_clear          (GaValue       *value);
void         ga_value_copy           (const GaValue *src,
                                      GaValue       *dest);
/* All setters clear the previous content first. A NaN or infinite number
 * becomes a #NUM! error. */
void         ga_value_set_blank      (GaValue       *value);
void         ga_value_set_na         (GaValue       *value);
void         ga_value_set_number     (GaValue       *value,
                                      double         number);
void         ga_value_set_boolean    (GaValue       *value,
                                      gboolean       boolean);
void         ga_value_set_text       (GaValue       *value,
                                      const char    *text);
void         ga_value_take_text      (GaValue       *value,
                                      char          *text);
void         ga_value_set_error      (GaValue       *value,
                                      GaErrorCode    code,
                                      const char    *format,
                                      ...) G_GNUC_PRINTF (3, 4);

static inline gboolean
ga_value_is_number (const GaValue *value)
{
  return value->kind == GA_VALUE_NUMBER;
}

/* Exact structural equality (same kind, same number bits up to -0 == 0,
 * same text byte for byte, same error code). Used by tests and by the
 * engine to stop propagating unchanged results. */
gboolean     ga_value_equal          (const GaValue *a,
                                      const GaValue *b);

/* Human-readable form: numbers with up to 15 significant digits as Excel's
 * General format shows them, TRUE/FALSE, "" for blank, "N/A" for not
 * applicable, the error code for errors. */
char        *ga_value_to_display     (const GaValue *value);

/* Number formatting as Excel's General format / text concatenation does it. */
char        *ga_number_to_string     (double         number);

const char  *ga_value_kind_to_string (GaValueKind    kind);
const char  *ga_error_code_to_string (GaErrorCode    code);

/* JSON form used by answer files, the CLI's --json output and the store:
 *   number -> 12.5, text -> "abc", boolean -> true,
 *   blank  -> null, N/A -> {"na": true},
 *   error  -> {"error": "#DIV/0!", "message": "..."}
 * ga_value_from_json() refuses anything else with a GError in G_IO_ERROR
 * (G_IO_ERROR_INVALID_DATA) whose message says what was found. */
JsonNode    *ga_value_to_json        (const GaValue *value);
gboolean     ga_value_from_json      (JsonNode      *node,
                                      GaValue       *out,
                                      GError       **error);

G_END_DECLS
