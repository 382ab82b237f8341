/* ga-export-validation.c: data validation of the cells a reviewer may change
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every answer cell and every input cell of a table gets what it may
 * hold: a drop-down of the labels of a choice (with 不适用 where the item
 * allows it), a number between the template's bounds, a date written
 * YYYY-MM-DD, and a note saying so when the cell is selected. A number
 * cell that may also be 不适用 warns rather than refuses, as a validation
 * cannot allow a range and a word at once.
 *
 * Short lists are written into the validation itself; a list with a comma
 * in a label or longer than Excel allows there (255 characters) reads its
 * labels from a hidden sheet (选项).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-export-book.h"

#if defined(__SANITIZE_ADDRESS__)
#define LIBRARY_LEAKS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIBRARY_LEAKS 1
#endif
#endif
#ifdef LIBRARY_LEAKS
#include <sanitizer/lsan_interface.h>
#endif

/* libxlsxwriter joins an inline list into a buffer of 255 bytes (Excel's
 * limit is 255 characters); a longer list, in bytes, goes to the hidden
 * sheet of lists. */
#define MAX_INLINE_LIST 255
#define MAX_TITLE 32
#define MAX_MESSAGE 250

/* @text cut to @max characters. */
static char *
cut (const char *text,
     guint       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  return g_utf8_substring (text, 0, max);
}

static void
apply (Export              *ex,
       const Sheet         *s,
       guint                first_row,
       guint                last_row,
       guint                col,
       lxw_data_validation *dv,
       const char          *title,
       const char          *message)
{
  g_autofree char *t = cut (title, MAX_TITLE);
  g_autofree char *m = cut (message, MAX_MESSAGE);

  if (ex_failed (ex))
    return;
  dv->input_title = t;
  dv->input_message = m;
  dv->show_input = LXW_VALIDATION_ON;
  dv->show_error = LXW_VALIDATION_ON;
  dv->ignore_blank = LXW_VALIDATION_ON;
  /* libxlsxwriter 1.1.4 (Debian 12) copies a list's formula twice and
   * keeps one copy ("Fix memory leak in list formula data validation",
   * a later release): under the leak checker that loss is not ours to
   * report. */
#ifdef LIBRARY_LEAKS
  if (dv->validate == LXW_VALIDATION_TYPE_LIST_FORMULA)
    __lsan_disable ();
#endif
  if (ex->counts != NULL)
    {
      ex->counts->validations++;
      ex->counts->validation_bytes += strlen (t) + strlen (m);
    }
  if (first_row == last_row)
    ex_check (ex, worksheet_data_validation_cell (s->ws, first_row, col, dv), s, first_row, col,
              "a data validation");
  else
    ex_check (ex, worksheet_data_validation_range (s->ws, first_row, col, last_row, col, dv), s,
              first_row, col, "a data validation");
#ifdef LIBRARY_LEAKS
  if (dv->validate == LXW_VALIDATION_TYPE_LIST_FORMULA)
    __lsan_enable ();
#endif
}

/* The hidden sheet of long lists, made on first use. */
static const Sheet *
lists_sheet (Export *ex)
{
  if (ex->lists.ws == NULL && !ex_failed (ex))
    {
      const char *name = ex_tr (ex, "选项", "Options");

      ex_sheet_init (&ex->lists, name);
      ex->lists.ws = workbook_add_worksheet (ex->wb, name);
      if (ex->lists.ws == NULL)
        ex_check (ex, LXW_ERROR_MEMORY_MALLOC_FAILED, NULL, -1, -1, name);
      else
        worksheet_hide (ex->lists.ws);
    }
  return &ex->lists;
}

/* The labels of @domain (and @na) in a column of the lists sheet, once
 * per domain; the range's reference. */
static const char *
list_range (Export         *ex,
            const ExDomain *domain,
            gboolean        na)
{
  g_autofree char *key = g_strdup_printf ("%p%d", (gconstpointer) domain, na);
  const char *ref = g_hash_table_lookup (ex->list_ranges, key);
  const Sheet *s;
  guint col, n = domain->labels->len;

  if (ref != NULL)
    return ref;
  s = lists_sheet (ex);
  if (ex_failed (ex))
    return NULL;
  col = g_hash_table_size (ex->list_ranges);
  for (guint i = 0; i < n; i++)
    ex_put_string (ex, s, i, col, domain->labels->pdata[i], NULL, "an option of a list");
  if (na)
    ex_put_string (ex, s, n++, col, ex->na_text, NULL, "an option of a list");
  g_hash_table_insert (ex->list_ranges, g_steal_pointer (&key),
                       ex_range_ref (s, 0, col, MAX (n, 1) - 1, col));
  return list_range (ex, domain, na);
}

static void
validate_list (Export         *ex,
               const Sheet    *s,
               guint           first_row,
               guint           last_row,
               guint           col,
               const ExDomain *domain,
               gboolean        na)
{
  lxw_data_validation dv = { 0 };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_autofree char *range = NULL;
  gsize length = 0;
  gboolean inline_list = TRUE;

  for (guint i = 0; i < domain->labels->len; i++)
    {
      const char *label = domain->labels->pdata[i];

      inline_list &= strchr (label, ',') == NULL && strchr (label, '"') == NULL;
      length += strlen (label) + 1;
      g_ptr_array_add (list, (gpointer) label);
    }
  if (na)
    {
      g_ptr_array_add (list, (gpointer) ex->na_text);
      length += strlen (ex->na_text) + 1;
    }
  g_ptr_array_add (list, NULL);
  /* A choice without options (an empty lookup table) takes nothing. */
  if (list->len == 1)
    return;
  inline_list &= length <= MAX_INLINE_LIST;
  if (inline_list)
    {
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = (char **) list->pdata;
    }
  else
    {
      const char *ref = list_range (ex, domain, na);

      if (ref == NULL)
        return;
      range = g_strdup_printf ("=%s", ref);
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = range;
    }
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  apply (ex, s, first_row, last_row, col, &dv, ex_tr (ex, "请选择", "Choose"),
         na ? ex_tr (ex, "从下拉列表中选择；不适用时选「不适用」。",
                     "Choose from the list; choose N/A when it does not apply.")
            : ex_tr (ex, "从下拉列表中选择。", "Choose from the list."));
}

static void
validate_number (Export      *ex,
                 const Sheet *s,
                 guint        first_row,
                 guint        last_row,
                 guint        col,
                 double       min,
                 double       max,
                 gboolean     integer,
                 const char  *unit,
                 gboolean     na)
{
  lxw_data_validation dv = { 0 };
  g_autofree char *lo = isfinite (min) ? ga_number_to_string (min) : NULL;
  g_autofree char *hi = isfinite (max) ? ga_number_to_string (max) : NULL;
  g_autofree char *range = NULL;
  g_autofree char *message = NULL;
  g_autofree char *with_unit = NULL;

  dv.validate = integer ? LXW_VALIDATION_TYPE_INTEGER : LXW_VALIDATION_TYPE_DECIMAL;
  if (lo != NULL && hi != NULL)
    {
      dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      dv.minimum_number = min;
      dv.maximum_number = max;
      range = g_strdup_printf (ex->zh ? "%s–%s 之间的" : "between %s and %s: ", lo, hi);
    }
  else if (lo != NULL)
    {
      dv.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      dv.value_number = min;
      range = g_strdup_printf (ex->zh ? "不小于 %s 的" : "at least %s: ", lo);
    }
  else if (hi != NULL)
    {
      dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
      dv.value_number = max;
      range = g_strdup_printf (ex->zh ? "不大于 %s 的" : "at most %s: ", hi);
    }
  else
    {
      /* Any number: a validation still refuses text. */
      dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      dv.minimum_number = -1e300;
      dv.maximum_number = 1e300;
      range = g_strdup ("");
    }
  if (unit != NULL && *unit != '\0')
    with_unit = g_strdup_printf (ex->zh ? "（单位：%s）" : " (unit: %s)", unit);
  message = g_strdup_printf (ex->zh ? "填写%s%s%s%s" : "Enter %s%s%s%s", range,
                             integer ? ex_tr (ex, "整数", "a whole number")
                                     : ex_tr (ex, "数值", "a number"),
                             with_unit != NULL ? with_unit : "",
                             na ? ex_tr (ex, "；不适用时填写「不适用」（确认警告即可）。",
                                         "; N/A when it does not apply (confirm the warning).")
                                : ex_tr (ex, "。", "."));
  /* 不适用 is allowed too: a warning the reviewer can confirm. */
  dv.error_type = na ? LXW_VALIDATION_ERROR_TYPE_WARNING : LXW_VALIDATION_ERROR_TYPE_STOP;
  apply (ex, s, first_row, last_row, col, &dv, ex_tr (ex, "请填写数值", "A number"), message);
}

static void
validate_text (Export      *ex,
               const Sheet *s,
               guint        first_row,
               guint        last_row,
               guint        col,
               gboolean     date)
{
  lxw_data_validation dv = { 0 };

  /* Dates are text of the form YYYY-MM-DD in the formulas, as in the
   * application, so the cell keeps text of that length. */
  dv.validate = LXW_VALIDATION_TYPE_LENGTH;
  if (date)
    {
      dv.criteria = LXW_VALIDATION_CRITERIA_EQUAL_TO;
      dv.value_number = 10;
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      apply (ex, s, first_row, last_row, col, &dv, ex_tr (ex, "请填写日期", "A date"),
             ex_tr (ex, "日期写作 YYYY-MM-DD（如 2025-12-31）；不适用时填写「不适用」。",
                    "Write the date as YYYY-MM-DD (e.g. 2025-12-31), or N/A."));
    }
  else
    {
      dv.criteria = LXW_VALIDATION_CRITERIA_LESS_THAN_OR_EQUAL_TO;
      dv.value_number = EXCEL_MAX_CELL_TEXT;
      dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
      apply (ex, s, first_row, last_row, col, &dv, ex_tr (ex, "请填写文字", "Text"),
             ex_tr (ex, "填写文字。", "Enter text."));
    }
}

void
ex_validate_item (Export       *ex,
                  const Sheet  *s,
                  guint         row,
                  guint         col,
                  const GaItem *item)
{
  const ExDomain *domain = ex_item_domain (ex, item);

  if (domain != NULL)
    validate_list (ex, s, row, row, col, domain, item->na_allowed);
  else if (item->kind == GA_ITEM_NUMBER)
    validate_number (ex, s, row, row, col, item->min, item->max, item->integer, item->unit,
                     item->na_allowed);
  else if (item->kind == GA_ITEM_POINTS)
    validate_number (ex, s, row, row, col, 0, item->points, FALSE, NULL, item->na_allowed);
  else if (item->kind == GA_ITEM_TEXT || item->kind == GA_ITEM_DATE)
    validate_text (ex, s, row, row, col, item->kind == GA_ITEM_DATE);
}

void
ex_validate_column (Export         *ex,
                    const Sheet    *s,
                    guint           first_row,
                    guint           last_row,
                    guint           col,
                    const GaColumn *column)
{
  const ExDomain *domain = ex_column_domain (ex, column);

  if (domain != NULL)
    validate_list (ex, s, first_row, last_row, col, domain, FALSE);
  else if (column->kind == GA_ITEM_NUMBER)
    validate_number (ex, s, first_row, last_row, col, column->min, column->max, FALSE,
                     column->unit, FALSE);
  else if (column->kind == GA_ITEM_TEXT || column->kind == GA_ITEM_DATE)
    validate_text (ex, s, first_row, last_row, col, column->kind == GA_ITEM_DATE);
}

void
ex_validate_unit_cell (Export         *ex,
                       const Sheet    *s,
                       guint           row,
                       guint           col,
                       const GaColumn *column,
                       const GaValue  *carrier)
{
  const ExDomain *all = ex_column_domain (ex, column);
  const GaCarrierUnits *cu = carrier->kind == GA_VALUE_TEXT
                             ? ga_column_get_carrier_units (column, carrier->u.text) : NULL;
  ExDomain *d = NULL;

  if (all == NULL)
    return;
  if (cu == NULL)
    {
      validate_list (ex, s, row, row, col, all, FALSE);
      return;
    }
  /* One domain per carrier's units, kept with the others. */
  if (!g_hash_table_lookup_extended (ex->domains, cu, NULL, (gpointer *) &d))
    {
      d = g_new0 (ExDomain, 1);
      d->ids = g_ptr_array_new_with_free_func (g_free);
      d->labels = g_ptr_array_new_with_free_func (g_free);
      d->options_table = all->options_table;
      for (guint i = 0; i < cu->allowed->len; i++)
        {
          const char *label = ex_domain_label (all, cu->allowed->pdata[i]);

          g_ptr_array_add (d->ids, g_strdup (cu->allowed->pdata[i]));
          g_ptr_array_add (d->labels, g_strdup (label != NULL ? label : cu->allowed->pdata[i]));
        }
      g_hash_table_insert (ex->domains, (gpointer) cu, d);
    }
  validate_list (ex, s, row, row, col, d, FALSE);
}
