/* ga-template-load-plausible.c: the soft range ("plausible") of number and
 * computed items and columns
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plausible range never refuses an answer: it says where a value is
 * expected to lie, with the source that says so, and the pre-submission
 * check names the values outside it. So it must lie within the hard bounds
 * (a value outside those is refused before any check sees it) and carry
 * its source like every other figure of a template.
 */
#include "config.h"

#include <math.h>

#include "ga-template-private.h"

/* The range against the field's own bounds: a side beyond them could never
 * be met by an accepted value, and a range beyond the other bound would
 * make every accepted value implausible. */
static void
check_against_bounds (GaLoader          *l,
                      const char        *pp,
                      const GaPlausible *p,
                      double             hard_min,
                      double             hard_max)
{
  g_autofree char *minp = ga_field_path (pp, "min");
  g_autofree char *maxp = ga_field_path (pp, "max");

  if (!isnan (p->min) && !isnan (p->max) && p->min > p->max)
    ga_loader_problem (l, pp, "min %g is greater than max %g", p->min, p->max);
  if (!isnan (p->min) && !isnan (hard_min) && p->min < hard_min)
    ga_loader_problem (l, minp, "%g is below the bound min %g, which already refuses such "
                       "values; a plausible range lies within min and max", p->min, hard_min);
  if (!isnan (p->min) && !isnan (hard_max) && p->min > hard_max)
    ga_loader_problem (l, minp, "%g is above the bound max %g: every accepted value would be "
                       "implausible", p->min, hard_max);
  if (!isnan (p->max) && !isnan (hard_max) && p->max > hard_max)
    ga_loader_problem (l, maxp, "%g is above the bound max %g, which already refuses such "
                       "values; a plausible range lies within min and max", p->max, hard_max);
  if (!isnan (p->max) && !isnan (hard_min) && p->max < hard_min)
    ga_loader_problem (l, maxp, "%g is below the bound min %g: every accepted value would be "
                       "implausible", p->max, hard_min);
}

static gboolean
is_option_of (const GaColumn *column,
              const char     *id)
{
  for (guint i = 0; column->options != NULL && i < column->options->len; i++)
    {
      const GaOption *option = g_ptr_array_index (column->options, i);

      if (option->id != NULL && g_ascii_strcasecmp (option->id, id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* "except": {"column": "flow", "values": ["export"]}: rows whose choice in
 * the column "flow" is "export" are not checked (an exported quantity is
 * written negative). */
static void
parse_except (GaLoader     *l,
              GaJsonNode   *po,
              const char   *pp,
              const GaItem *table,
              GaPlausible  *p)
{
  static const char * const fields[] = { "column", "values", NULL };
  GaJsonNode *eo = ga_loader_want_object (l, po, pp, "except", FALSE);
  g_autofree char *ep = ga_field_path (pp, "except");
  g_autofree char *name = NULL;
  const GaColumn *column = NULL;
  GaJsonNode *values;

  if (eo == NULL)
    return;
  ga_loader_check_fields (l, eo, ep, fields, NULL, NULL);
  if (ga_loader_want_string (l, eo, ep, "column", TRUE, &name))
    {
      g_autofree char *cp = ga_field_path (ep, "column");
      int c = ga_column_index (table, name);
      const GaColumn *named = c >= 0 ? g_ptr_array_index (table->columns, c) : NULL;

      if (named == NULL)
        ga_loader_problem (l, cp, "unknown column '%s' of table '%s'", name, table->id);
      else if (named->kind != GA_ITEM_CHOICE)
        ga_loader_problem (l, cp, "column '%s' is not a choice column; rows are excepted by "
                           "the option chosen in a choice column", name);
      else
        {
          column = named;
          p->except_column = c;
        }
    }
  values = ga_loader_want_array (l, eo, ep, "values", TRUE);
  if (values == NULL)
    return;
  if (ga_json_array_get_length (values) == 0)
    {
      g_autofree char *vp = ga_field_path (ep, "values");
      ga_loader_problem (l, vp, "list at least one option whose rows are not checked");
    }
  p->except_values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ga_json_array_get_length (values); i++)
    {
      GaJsonNode *n = ga_json_array_get_element (values, i);
      g_autofree char *vp = ga_index_path (ep, "values", i);

      if (!ga_node_is_string (n))
        {
          ga_loader_problem (l, vp, "expected an option id, found %s", ga_node_description (n));
          continue;
        }
      if (column != NULL && !is_option_of (column, ga_json_node_get_string (n)))
        ga_loader_problem (l, vp, "'%s' is not an option of column '%s'",
                           ga_json_node_get_string (n), column->id);
      g_ptr_array_add (p->except_values, g_strdup (ga_json_node_get_string (n)));
    }
}

GaPlausible *
ga_loader_parse_plausible (GaLoader     *l,
                           GaJsonNode   *obj,
                           const char   *path,
                           double        hard_min,
                           double        hard_max,
                           const GaItem *table)
{
  static const char * const column_fields[] = {
    "min", "max", "source", "verified", "unverified_reason", "except", NULL
  };
  static const char * const item_fields[] = {
    "min", "max", "source", "verified", "unverified_reason", NULL
  };
  static const char * const column_only[] = { "except", NULL };
  g_autofree char *pp = ga_field_path (path, "plausible");
  GaJsonNode *po;
  GaPlausible *p;

  if (ga_member (obj, "plausible") == NULL)
    return NULL;
  po = ga_loader_want_object (l, obj, path, "plausible", FALSE);
  if (po == NULL)
    return NULL;
  ga_loader_check_fields (l, po, pp, table != NULL ? column_fields : item_fields, column_only,
                          "the plausible range of an item (it is for table columns)");

  p = g_new0 (GaPlausible, 1);
  p->min = NAN;
  p->max = NAN;
  p->verified = TRUE;
  p->except_column = -1;
  if (ga_member (po, "min") == NULL && ga_member (po, "max") == NULL)
    ga_loader_problem (l, pp, "give \"min\", \"max\" or both: the range a value is expected in");
  ga_loader_want_number (l, po, pp, "min", FALSE, &p->min);
  ga_loader_want_number (l, po, pp, "max", FALSE, &p->max);
  check_against_bounds (l, pp, p, hard_min, hard_max);
  ga_loader_want_string (l, po, pp, "source", TRUE, &p->source);
  ga_loader_want_bool (l, po, pp, "verified", &p->verified);
  ga_loader_want_string (l, po, pp, "unverified_reason", FALSE, &p->unverified_reason);
  if (!p->verified && p->unverified_reason == NULL)
    ga_loader_problem (l, pp, "a range with \"verified\": false needs \"unverified_reason\"");
  if (table != NULL)
    parse_except (l, po, pp, table, p);
  return p;
}
