/* fuzz-formula.c: libFuzzer target for the formula language
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses arbitrary bytes; whatever parses is evaluated against a fixed set
 * of values (every kind, and ranges), checked and translated to Excel. The
 * only acceptable outcomes are a clean parse error or a value.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ga-formula.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GaValue fuzz_values[8];
static gboolean fuzz_ready;

static void
fuzz_init (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fuzz_values); i++)
    fuzz_values[i] = (GaValue) GA_VALUE_INIT;
  ga_value_set_number (&fuzz_values[0], 3);
  ga_value_set_text (&fuzz_values[1], "4");
  ga_value_set_text (&fuzz_values[2], "abc");
  ga_value_set_boolean (&fuzz_values[3], TRUE);
  ga_value_set_na (&fuzz_values[4]);
  ga_value_set_error (&fuzz_values[5], GA_ERROR_CODE_DIV0, "fuzz");
  ga_value_set_number (&fuzz_values[6], -1e300);
  /* fuzz_values[7] stays blank */
  fuzz_ready = TRUE;
}

/* Reference i sees value i % 8, so every kind shows up somewhere. */
static const GaValue *
get_ref (gpointer user_data,
         guint    index)
{
  guint shift = GPOINTER_TO_UINT (user_data);
  return &fuzz_values[(index + shift) % G_N_ELEMENTS (fuzz_values)];
}

static gboolean
get_range (gpointer        user_data,
           guint           index,
           const GaValue **values,
           guint          *n_values)
{
  if (index % 5 == 4)
    return FALSE;
  *values = fuzz_values;
  *n_values = G_N_ELEMENTS (fuzz_values) - index % 3;
  return TRUE;
}

static gboolean
lookup (gpointer       user_data,
        const char    *table,
        const GaValue *key,
        const char    *column,
        GaValue       *out)
{
  if (key->kind == GA_VALUE_NUMBER)
    {
      ga_value_set_number (out, key->u.number * 2);
      return TRUE;
    }
  if (key->kind == GA_VALUE_TEXT && key->u.text[0] != '\0')
    {
      ga_value_set_text (out, column);
      return TRUE;
    }
  return FALSE;
}

static gboolean
resolve_ref (gpointer      user_data,
             const char   *name,
             gboolean     *is_range,
             GaStaticType *type)
{
  *is_range = strchr (name, '.') != NULL;
  *type = (GaStaticType) (strlen (name) % 4);
  return name[0] != 'z';
}

static gboolean
resolve_lookup (gpointer    user_data,
                const char *table,
                const char *column,
                char      **message)
{
  if (table[0] == '\0')
    {
      *message = g_strdup ("empty table name");
      return FALSE;
    }
  return TRUE;
}

static char *
ref_to_cell (gpointer    user_data,
             guint       index,
             const char *name)
{
  return g_strdup_printf ("'Sheet'!$B$%u", index + 1);
}

static char *
lookup_to_excel (gpointer    user_data,
                 const char *table,
                 const char *key_expr,
                 const char *column)
{
  return g_strdup_printf ("INDEX(T!$B:$B,MATCH(%s,T!$A:$A,0))", key_expr);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GaFormula) formula = NULL;
  g_autoptr(GError) error = NULL;
  guint column = 0;

  if (!fuzz_ready)
    fuzz_init ();
  if (size > GA_FORMULA_MAX_LENGTH + 16)
    return 0;

  text = g_strndup ((const char *) data, size);
  formula = ga_formula_parse (text, &column, &error);
  if (formula == NULL)
    {
      if (error == NULL || column == 0)
        __builtin_trap ();
      return 0;
    }

  for (guint shift = 0; shift < 3; shift++)
    {
      GaFormulaContext context = { get_ref, get_range, lookup, GUINT_TO_POINTER (shift) };
      GaValue result = GA_VALUE_INIT;
      g_autofree char *display = NULL;

      ga_formula_evaluate (formula, &context, &result);
      display = ga_value_to_display (&result);
      if (!g_utf8_validate (display, -1, NULL))
        __builtin_trap ();
      ga_value_clear (&result);
    }

  {
    GaFormulaResolver resolver = { resolve_ref, resolve_lookup, NULL };
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    GaExcelContext excel_context = { ref_to_cell, lookup_to_excel, "N/A", NULL };
    g_autofree char *excel = NULL;
    g_autofree char *plain = NULL;
    g_autoptr(GError) excel_error = NULL;

    ga_formula_check (formula, &resolver, problems);
    ga_formula_result_type (formula, &resolver);
    excel = ga_formula_to_excel (formula, &excel_context, &excel_error);
    g_clear_error (&excel_error);
    plain = ga_formula_to_excel (formula, NULL, &excel_error);

    /* A translation without callbacks is in our own grammar: it must parse
     * again (nesting aside, which the translation may add; NA() and ROWS()
     * are Excel-only). */
    if (plain != NULL && strstr (plain, "NA()") == NULL && strstr (plain, "ROWS(") == NULL)
      {
        g_autoptr(GError) again_error = NULL;
        g_autoptr(GaFormula) again = ga_formula_parse (plain, NULL, &again_error);
        if (again == NULL && again_error->code != GA_FORMULA_ERROR_TOO_DEEP
            && again_error->code != GA_FORMULA_ERROR_TOO_LONG)
          __builtin_trap ();
      }
  }
  return 0;
}
