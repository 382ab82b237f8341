/* ga-export-formula.c: formulas of the workbook: translation of formula trees
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"

/* ----------------------------------------------------- formula translation */

/* The cell formulas of ga-scheme.h name an item's rule with this prefix
 * and the item's id. */
#define RULE_PREFIX "rule:"
#define EXCEL_MAX_NESTING 64

static char *ref_to_cell_cb (gpointer    user_data,
                             guint       index,
                             const char *name);
static gboolean lookup_ranges_cb (gpointer     user_data,
                                  const char  *table,
                                  const char  *column,
                                  char       **keys,
                                  char       **values);

char *
ex_rule_ref (const GaItem *item)
{
  return g_strconcat (RULE_PREFIX, item->id, NULL);
}

/* An item's rule where a cell formula reads it: the rule's own translation,
 * guard included, in parentheses, which gives what a cell holding the rule
 * would hold. A failure is kept in @ex for ex_translate(). */
static char *
rule_to_excel (Export     *ex,
               const char *item_id)
{
  GaExcelContext ctx = {
    .ref_to_cell = ref_to_cell_cb,
    .lookup_ranges = lookup_ranges_cb,
    .na_text = ex->na_text,
    .user_data = ex,
  };
  GaItem *item = ga_template_find_item (ex->tmpl, item_id);
  GaFormula *engine_rule = item != NULL ? ga_engine_get_rule (ex->engine, item) : NULL;
  g_autoptr(GaFormula) rule = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *text = NULL;

  if (engine_rule == NULL)
    return NULL;
  rule = ex_label_formula (ex, engine_rule, FALSE);
  text = ga_formula_to_excel (rule, &ctx, &local);
  if (text == NULL)
    {
      g_clear_error (&ex->rule_error);
      ex->rule_error = g_steal_pointer (&local);
      return NULL;
    }
  return g_strdup_printf ("(%s)", text);
}

/* How deeply @text nests function calls (a parenthesis after a name),
 * outside text constants; or, when @text has no more than
 * EXCEL_MAX_NESTING parentheses, their number (a bound that is enough).
 * A rule read by a cell formula is nested in it, which the translation of
 * the cell formula does not see. */
static guint
call_nesting (const char *text)
{
  g_autoptr(GArray) calls = NULL;
  guint depth = 0, max = 0, n_open = 0;
  gboolean in_text = FALSE;

  /* No deeper than the number of parentheses: most formulas have too few
   * to need the count. */
  for (const char *p = strchr (text, '('); p != NULL; p = strchr (p + 1, '('))
    n_open++;
  if (n_open <= EXCEL_MAX_NESTING)
    return n_open;
  calls = g_array_new (FALSE, FALSE, sizeof (gboolean));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        in_text = !in_text;
      else if (in_text)
        continue;
      else if (*p == '(')
        {
          gboolean call = p > text && (g_ascii_isalnum (p[-1]) || p[-1] == '_' || p[-1] == '.');
          g_array_append_val (calls, call);
          depth += call;
          max = MAX (max, depth);
        }
      else if (*p == ')' && calls->len > 0)
        {
          depth -= g_array_index (calls, gboolean, calls->len - 1);
          g_array_set_size (calls, calls->len - 1);
        }
    }
  return max;
}

static char *
ref_to_cell_cb (gpointer    user_data,
                guint       index,
                const char *name)
{
  Export *ex = user_data;
  const char *ref;
  const GaItem *item;

  if (g_str_has_prefix (name, RULE_PREFIX))
    return rule_to_excel (ex, name + strlen (RULE_PREFIX));

  /* Inside a table row, a column id is the cell of the same row. */
  if (ex->row_table != NULL)
    {
      GPtrArray *columns = ex->row_table->columns;

      for (guint i = 0; i < columns->len; i++)
        {
          const GaColumn *c = g_ptr_array_index (columns, i);

          if (g_str_equal (c->id, name))
            return ex_cell_ref (&ex->energy, ex->row_sheet_row,
                                g_array_index (ex->row_layout->col_of, guint, i));
        }
    }
  /* A multiple choice's value is the number of options chosen; its cell
   * shows their labels, so formulas read the number itself. */
  item = ga_template_find_item (ex->tmpl, name);
  if (item != NULL && item->kind == GA_ITEM_MULTI)
    {
      const GaResult *res = ga_engine_get_item_result (ex->engine, item);

      if (res->value.kind == GA_VALUE_NUMBER)
        return ex_excel_number (res->value.u.number);
    }
  ref = g_hash_table_lookup (ex->cells, name);
  if (ref == NULL)
    ref = g_hash_table_lookup (ex->extra_cells, name);
  /* NULL (unreachable for a validated template) makes the translation
   * fail with a message naming the reference. */
  return g_strdup (ref);
}

/* Where the factors sheet holds a lookup table's keys and @column. */
static gboolean
lookup_ranges_cb (gpointer     user_data,
                  const char  *table,
                  const char  *column,
                  char       **keys,
                  char       **values)
{
  Export *ex = user_data;
  gboolean by_label = g_str_has_suffix (table, EX_BY_LABEL);
  g_autofree char *name = g_strndup (table, strlen (table) - (by_label ? strlen (EX_BY_LABEL) : 0));
  g_autofree char *key = g_strdup_printf ("%s\x1f%s", name, column);
  const FactorColumn *fc = g_hash_table_lookup (ex->factor_cols, key);

  if (fc == NULL)
    return FALSE;
  /* A choice cell holds the row's label (ga-export-labels.c). */
  *keys = g_strdup (by_label ? fc->labels : fc->keys);
  *values = g_strdup (fc->values);
  return TRUE;
}

/* Translates @formula; on failure records a GA_EXPORT_ERROR_FORMULA naming
 * @what and returns NULL. */
static char *
translate (Export     *ex,
           GaFormula  *original,
           gboolean    shown,
           const char *what)
{
  GaExcelContext ctx = {
    .ref_to_cell = ref_to_cell_cb,
    .lookup_ranges = lookup_ranges_cb,
    .na_text = ex->na_text,
    .user_data = ex,
  };
  g_autoptr(GError) local = NULL;
  g_autoptr(GaFormula) formula = NULL;
  char *text;

  if (ex_failed (ex) || original == NULL)
    return NULL;
  /* The cells of choices hold labels: so do the formulas' constants. */
  formula = ex_label_formula (ex, original, shown);
  g_clear_error (&ex->rule_error);
  text = ga_formula_to_excel (formula, &ctx, &local);
  if (text == NULL && ex->rule_error != NULL)
    {
      /* The rule the formula reads failed: that is the reason. */
      g_clear_error (&local);
      local = g_steal_pointer (&ex->rule_error);
    }
  if (text != NULL && call_nesting (text) > EXCEL_MAX_NESTING)
    {
      g_clear_pointer (&text, g_free);
      g_set_error (&local, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_DEEP,
                   "the Excel formula would nest more than %d function calls",
                   EXCEL_MAX_NESTING);
    }
  if (text == NULL && (g_error_matches (local, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_LONG) ||
                       g_error_matches (local, GA_FORMULA_ERROR, GA_FORMULA_ERROR_TOO_DEEP)))
    {
      /* Beyond Excel's limits: the cell gets the value (ex_put_formula()
       * writes it when the formula is NULL), counted and said on the
       * basic-information sheet. */
      ex->n_value_only++;
      return NULL;
    }
  if (text == NULL)
    g_set_error (&ex->error, GA_EXPORT_ERROR, GA_EXPORT_ERROR_FORMULA,
                 "cannot export to %s: the formula of %s (%s) has no Excel equivalent: %s; "
                 "change the template's formula", ex->display_path, what,
                 ga_formula_get_text (original), local != NULL ? local->message : "");
  return text;
}

GaFormula *
ex_waiting_formula (Export       *ex,
                    const GaItem *item)
{
  g_autoptr(GString) blanks = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  GaFormula *wrapped;

  for (guint r = 0; r < ga_formula_get_n_refs (item->value); r++)
    {
      const char *ref = ga_formula_get_ref (item->value, r);
      const char *dot = strchr (ref, '.');
      g_autofree char *table_id = dot != NULL ? g_strndup (ref, dot - ref) : NULL;
      const GaItem *table = table_id != NULL ? ga_template_find_item (ex->tmpl, table_id) : NULL;

      if (table == NULL || table->kind != GA_ITEM_TABLE || !g_hash_table_add (seen, table->id))
        continue;
      for (guint c = 0; c < table->columns->len; c++)
        {
          const GaColumn *column = table->columns->pdata[c];
          if (column->required && column->kind != GA_ITEM_COMPUTED)
            g_string_append_printf (blanks, "%sCOUNTBLANK(%s.%s)>0", blanks->len > 0 ? "," : "",
                                    table->id, column->id);
        }
    }
  if (blanks->len == 0)
    return ga_formula_ref (item->value);
  text = g_strdup_printf ("IFERROR((%s),IF(OR(%s),\"\",(%s)))", ga_formula_get_text (item->value),
                          blanks->str, ga_formula_get_text (item->value));
  wrapped = ga_formula_parse (text, NULL, NULL);
  return wrapped != NULL ? wrapped : ga_formula_ref (item->value);
}

char *
ex_translate (Export     *ex,
              GaFormula  *formula,
              const char *what)
{
  return translate (ex, formula, FALSE, what);
}

char *
ex_translate_shown (Export     *ex,
                    GaFormula  *formula,
                    const char *what)
{
  return translate (ex, formula, TRUE, what);
}

/* ------------------------------------------------- formulas of the export */

void
ex_set_written (Export        *ex,
                const char    *name,
                const GaValue *value)
{
  GaValue *copy = g_new0 (GaValue, 1);

  ga_value_copy (value, copy);
  g_hash_table_replace (ex->written, g_strdup (name), copy);
}

static const GaValue *
written_ref_cb (gpointer user_data,
                guint    index)
{
  static const GaValue blank = GA_VALUE_INIT;
  const GaValue **values = user_data;

  return values[index] != NULL ? values[index] : &blank;
}

void
ex_evaluate_written (Export    *ex,
                     GaFormula *formula,
                     GaValue   *out)
{
  guint n = ga_formula_get_n_refs (formula);
  g_autofree const GaValue **values = g_new0 (const GaValue *, MAX (n, 1));
  GaFormulaContext ctx = { .get_ref = written_ref_cb, .user_data = values };

  for (guint i = 0; i < n; i++)
    values[i] = g_hash_table_lookup (ex->written, ga_formula_get_ref (formula, i));
  ga_formula_evaluate (formula, &ctx, out);
}

/* The conclusion is the same sentence on the summary and on the
 * basic-information sheet: built, evaluated and translated once (over a
 * large template it reads every answer cell), written twice. */
void
ex_put_conclusion (Export      *ex,
                   const Sheet *s,
                   guint        row,
                   guint        col,
                   lxw_format  *format)
{
  const char *what = "the conclusion";

  if (ex_failed (ex))
    return;
  if (!ex->conclusion_built)
    {
      GaFormula *formula = ex_conclusion (ex);
      guint value_only = ex->n_value_only;

      ex->conclusion_built = TRUE;
      ex_evaluate_written (ex, formula, &ex->conclusion_value);
      ex->conclusion_has_refs = ga_formula_get_n_refs (formula) > 0;
      if (ex->conclusion_has_refs)
        ex->conclusion_text = ex_translate (ex, formula, what);
      ex->conclusion_value_only = ex->n_value_only > value_only;
      ga_formula_unref (formula);
    }
  else if (ex->conclusion_value_only)
    /* Each cell that holds a value for a formula is counted. */
    ex->n_value_only++;
  if (!ex->conclusion_has_refs)
    ex_put_value (ex, s, row, col, &ex->conclusion_value, format, what);
  else
    ex_put_formula (ex, s, row, col, ex->conclusion_text, &ex->conclusion_value, format, what);
}

void
ex_put_built (Export      *ex,
              const Sheet *s,
              guint        row,
              guint        col,
              GaFormula   *formula,
              lxw_format  *format,
              const char  *what)
{
  g_autofree char *text = NULL;
  GaValue v = GA_VALUE_INIT;

  if (formula == NULL)
    {
      ex_put_blank (ex, s, row, col, format);
      return;
    }
  ex_evaluate_written (ex, formula, &v);
  /* A sentence that reads no cell is written as text. */
  if (ga_formula_get_n_refs (formula) == 0)
    ex_put_value (ex, s, row, col, &v, format, what);
  else
    {
      text = ex_translate (ex, formula, what);
      ex_put_formula (ex, s, row, col, text, &v, format, what);
    }
  ga_value_clear (&v);
  ga_formula_unref (formula);
}

/* ------------------------------------------------------- cached values */

/* Benchmarks, weights and totals are figures the engine does not keep: it
 * evaluates them for the cached values. */
void
ex_evaluate (Export    *ex,
             GaFormula *formula,
             GaValue   *out)
{
  ga_engine_evaluate_formula (ex->engine, formula, out);
}

/* Writes @formula evaluated as a live formula, or as a plain number when
 * it references nothing (a constant benchmark or weight). */
void
ex_put_expression (Export      *ex,
                   const Sheet *s,
                   guint        row,
                   guint        col,
                   GaFormula   *formula,
                   lxw_format  *format,
                   const char  *what)
{
  GaValue v = GA_VALUE_INIT;

  if (ex_failed (ex))
    return;
  if (formula == NULL)
    {
      ex_put_blank (ex, s, row, col, format);
      return;
    }
  ex_evaluate (ex, formula, &v);
  if (ga_formula_get_n_refs (formula) == 0 && ga_formula_get_n_lookups (formula) == 0 &&
      v.kind == GA_VALUE_NUMBER)
    ex_put_number (ex, s, row, col, v.u.number, format, what);
  else
    {
      g_autofree char *f = ex_translate (ex, formula, what);

      ex_put_formula (ex, s, row, col, f, &v, format, what);
    }
  ga_value_clear (&v);
}
