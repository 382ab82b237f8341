/* ga-check-range.c: values outside their plausible range
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A value can be valid and still wrong: a share typed as 0.85 where the
 * template asks for percent, a figure in kWh where it wants 万kWh. The
 * template may give a number or computed item or column a soft range with
 * its source ("plausible", docs/template-format.md). Where it gives none,
 * only what the meaning makes certain is checked: a percentage lies
 * between 0 and 100 (on the sides its own bounds leave open: bounds that
 * allow more say the template means more), and a share or rate computed
 * from the answers does not exceed 100 %. Nothing here refuses a value.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ga-check-private.h"
#include "ga-format.h"

typedef struct {
  double             min, max;     /* NaN when open */
  const GaPlausible *plausible;    /* the template's range, or NULL ... */
  const char        *basis;        /* ... for a built-in one: why it holds (translated) */
} Range;

static gboolean
is_percent (const char *unit)
{
  return unit != NULL && (g_str_equal (unit, "%") || g_str_equal (unit, "％"));
}

/* The range a value is checked against; FALSE when there is none. */
static gboolean
range_for (const GaPlausible *own,
           const char        *unit,
           double             hard_min,
           double             hard_max,
           gboolean           computed,
           Range             *out)
{
  *out = (Range) { NAN, NAN, own, NULL };
  if (own != NULL)
    {
      out->min = own->min;
      out->max = own->max;
      return TRUE;
    }
  if (!is_percent (unit))
    return FALSE;
  if (computed)
    {
      /* A share of an export row may be negative; above the whole it cannot be. */
      out->max = 100;
      out->basis = _("a share or rate computed from the answers");
    }
  else
    {
      out->min = isnan (hard_min) ? 0 : NAN;
      out->max = isnan (hard_max) ? 100 : NAN;
      out->basis = _("a percentage");
    }
  return !isnan (out->min) || !isnan (out->max);
}

/* Whether @value lies beyond @limit by more than the last digits that a
 * sum of shares leaves (100.00000000000001 % is 100 %). */
static gboolean
beyond (double value,
        double limit,
        int    side)
{
  double slack = 1e-9 * MAX (1.0, fabs (limit));

  return side < 0 ? value < limit - slack : value > limit + slack;
}

static gboolean
outside (const Range *r,
         double       value)
{
  return (!isnan (r->min) && beyond (value, r->min, -1))
         || (!isnan (r->max) && beyond (value, r->max, +1));
}

static char *
with_unit (double      value,
           const char *unit)
{
  g_autofree char *n = ga_format_number (value, 4);

  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&n);
  return g_strdup_printf ("%s %s", n, unit);
}

static char *
range_text (const Range *r,
            const char  *unit)
{
  g_autofree char *hi = isnan (r->max) ? NULL : with_unit (r->max, unit);
  g_autofree char *lo = NULL;

  if (isnan (r->min))
    return g_strdup_printf (_("at most %s"), hi);
  if (hi == NULL)
    {
      lo = with_unit (r->min, unit);
      return g_strdup_printf (_("at least %s"), lo);
    }
  /* The unit once, after the upper end. */
  lo = ga_format_number (r->min, 4);
  /* Translators: a range of values, "from 0 to 100 %". */
  return g_strdup_printf (_("from %s to %s"), lo, hi);
}

static char *
basis_text (const Range *r)
{
  const GaPlausible *p = r->plausible;

  if (p == NULL)
    return g_strdup (r->basis);
  if (!p->verified)
    return g_strdup_printf (_("source: %s; the range is not verified: %s"), p->source,
                            p->unverified_reason != NULL ? p->unverified_reason : "");
  return g_strdup_printf (_("source: %s"), p->source);
}

/* "2.3 “Title”": the item's number (ga_item_get_number()) and title. */
static char *
item_where (const GaItem *item)
{
  return g_strdup_printf ("%s “%s”", ga_item_get_number (item), ga_text_get (&item->title, NULL));
}

static void
report (GPtrArray    *findings,
        const GaItem *item,
        const char   *where,
        const Range  *r,
        double        value,
        const char   *unit,
        const char   *column,
        guint         row)
{
  g_autofree char *v = with_unit (value, unit);
  g_autofree char *range = range_text (r, unit);
  g_autofree char *basis = basis_text (r);
  GaCheckFinding *finding;

  finding = _ga_check_add (findings, GA_CHECK_RANGE, item, column,
                           g_strdup_printf (_("%s: %s lies outside the plausible range (%s; %s); "
                                              "check the unit and the figure"),
                                            where, v, range, basis));
  finding->row = row;
}

/* Whether row @r is one the range leaves out (an export row). */
static gboolean
row_excepted (GaEngine          *engine,
              const GaItem      *table,
              guint              r,
              const GaPlausible *p)
{
  const GaValue *cell;

  if (p == NULL || p->except_column < 0 || p->except_values == NULL)
    return FALSE;
  cell = ga_engine_get_cell (engine, table, r, (guint) p->except_column);
  if (cell == NULL || cell->kind != GA_VALUE_TEXT)
    return FALSE;
  for (guint i = 0; i < p->except_values->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (p->except_values, i), cell->u.text) == 0)
      return TRUE;
  return FALSE;
}

static void
check_table (GaEngine     *engine,
             const GaItem *table,
             const char   *where,
             GPtrArray    *findings)
{
  guint n_rows = ga_engine_get_n_rows (engine, table);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < table->columns->len; c++)
      {
        const GaColumn *column = g_ptr_array_index (table->columns, c);
        const GaValue *cell;
        Range range;

        if ((column->kind != GA_ITEM_NUMBER && column->kind != GA_ITEM_COMPUTED)
            || !range_for (column->plausible, column->unit, column->min, column->max,
                           column->kind == GA_ITEM_COMPUTED, &range)
            || row_excepted (engine, table, r, column->plausible))
          continue;
        cell = ga_engine_get_cell (engine, table, r, c);
        if (cell != NULL && cell->kind == GA_VALUE_NUMBER && isfinite (cell->u.number)
            && outside (&range, cell->u.number))
          {
            g_autofree char *at = g_strdup_printf (_("%s, row %u, “%s”"), where, r + 1,
                                                   ga_text_get (&column->title, NULL));

            report (findings, table, at, &range, cell->u.number, column->unit, column->id,
                    r + 1);
          }
      }
}

void
_ga_check_ranges (GaSession    *session,
                  const GaItem *item,
                  GPtrArray    *findings)
{
  GaEngine *engine = ga_session_get_engine (session);
  const GaResult *result = ga_engine_get_item_result (engine, item);
  g_autofree char *where = NULL;
  Range range;

  /* An error is a finding of its own; a table's other cells still count. */
  if (result->status == GA_STATUS_NA
      || (result->status == GA_STATUS_ERROR && item->kind != GA_ITEM_TABLE))
    return;
  where = item_where (item);
  if (item->kind == GA_ITEM_TABLE)
    {
      check_table (engine, item, where, findings);
      return;
    }
  if ((item->kind != GA_ITEM_NUMBER && item->kind != GA_ITEM_COMPUTED)
      || !range_for (item->plausible, item->unit, item->min, item->max,
                     item->kind == GA_ITEM_COMPUTED, &range))
    return;
  if (result->value.kind == GA_VALUE_NUMBER && isfinite (result->value.u.number)
      && outside (&range, result->value.u.number))
    report (findings, item, where, &range, result->value.u.number, item->unit, NULL, 0);
}
