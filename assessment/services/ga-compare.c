/* ga-compare.c: two assessments side by side
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-compare.h"
#include "ga-format.h"

struct _GaComparison
{
  GaEngine   *a;
  GaEngine   *b;
  GPtrArray  *sections;   /* GaCompareSection* */
  GHashTable *items;      /* id -> GaCompareItem* (borrowed from the sections) */
  guint       n_changed;
};

/* Scores are sums of template points: a difference below this is the
 * rounding of a renormalised share, not a change. */
#define SCORE_EPSILON 1e-9

static void
compare_item_free (GaCompareItem *item)
{
  g_free (item->answer_a);
  g_free (item->answer_b);
  g_free (item);
}

static void
compare_section_free (GaCompareSection *section)
{
  g_ptr_array_unref (section->items);
  g_free (section);
}

static const char *
option_label (const GaItem *item,
              const char   *id)
{
  for (guint i = 0; item->options != NULL && i < item->options->len; i++)
    {
      GaOption *option = g_ptr_array_index (item->options, i);

      if (g_strcmp0 (option->id, id) == 0)
        return ga_text_get (&option->label, NULL);
    }
  return id;
}

static char *
describe_scalar (const GaAnswer *answer,
                 const GaItem   *item)
{
  const GaValue *v = &answer->value;

  if (v->kind == GA_VALUE_BOOLEAN)
    return g_strdup (v->u.boolean ? _("Yes") : _("No"));
  if (v->kind == GA_VALUE_TEXT && item->kind == GA_ITEM_COMPLIANCE)
    {
      if (g_strcmp0 (v->u.text, GA_COMPLIANCE_YES) == 0)
        return g_strdup (_("Met"));
      if (g_strcmp0 (v->u.text, GA_COMPLIANCE_PARTIAL) == 0)
        return g_strdup (_("Partly met"));
      if (g_strcmp0 (v->u.text, GA_COMPLIANCE_NO) == 0)
        return g_strdup (_("Not met"));
    }
  if (v->kind == GA_VALUE_TEXT && item->kind == GA_ITEM_CHOICE)
    return g_strdup (option_label (item, v->u.text));
  if (v->kind == GA_VALUE_TEXT && g_utf8_strlen (v->u.text, -1) > 80)
    {
      g_autofree char *cut = g_utf8_substring (v->u.text, 0, 80);

      return g_strconcat (cut, "…", NULL);
    }
  return ga_format_value (v, v->kind == GA_VALUE_NUMBER ? item->unit : NULL);
}

/* An answer in a few words: the option's label, the number with its unit,
 * "3 rows", "N/A"; a computed item's value; "–" when there is none. */
static char *
describe_answer (GaEngine       *engine,
                 const GaAnswer *answer,
                 const GaItem   *item)
{
  GString *text;

  if (item != NULL && item->kind == GA_ITEM_COMPUTED)
    {
      g_autofree char *value = ga_engine_format_value (engine, item->id);

      if (value == NULL || *value == '\0')
        return g_strdup ("–");
      return item->unit != NULL ? g_strdup_printf ("%s %s", value, item->unit)
                                : g_steal_pointer (&value);
    }
  if (answer == NULL || item == NULL || ga_answer_is_empty (answer))
    return g_strdup ("–");
  if (answer->not_applicable)
    return g_strdup (_("N/A"));
  if (answer->rows != NULL)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", answer->rows->len),
                            answer->rows->len);
  if (answer->selected == NULL)
    return describe_scalar (answer, item);
  text = g_string_new (NULL);
  for (guint i = 0; answer->selected[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? _(", ") : "",
                            option_label (item, answer->selected[i]));
  if (text->len == 0)
    g_string_append (text, "–");
  return g_string_free (text, FALSE);
}

static double
difference (double a,
            double b)
{
  return isnan (a) || isnan (b) ? NAN : b - a;
}

static gboolean
numbers_differ (double a,
                double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) != isnan (b);
  return fabs (b - a) > SCORE_EPSILON;
}

static GaCompareItem *
compare_item (GaComparison *self,
              const char   *id)
{
  GaCompareItem *c = g_new0 (GaCompareItem, 1);
  GaTemplate *ta = ga_engine_get_template (self->a);
  GaTemplate *tb = ga_engine_get_template (self->b);
  const GaAnswer *answer_a, *answer_b;
  const GaResult *ra, *rb;

  c->item_a = ga_template_find_item (ta, id);
  c->item_b = ga_template_find_item (tb, id);
  c->id = c->item_b != NULL ? c->item_b->id : c->item_a->id;
  answer_a = c->item_a != NULL ? ga_answer_set_get (ga_engine_get_answers (self->a), id) : NULL;
  answer_b = c->item_b != NULL ? ga_answer_set_get (ga_engine_get_answers (self->b), id) : NULL;
  c->answer_a = describe_answer (self->a, answer_a, c->item_a);
  c->answer_b = describe_answer (self->b, answer_b, c->item_b);
  ra = c->item_a != NULL ? ga_engine_get_item_result (self->a, c->item_a) : NULL;
  rb = c->item_b != NULL ? ga_engine_get_item_result (self->b, c->item_b) : NULL;
  c->score_a = ra != NULL ? ra->score : NAN;
  c->max_a = ra != NULL ? ra->max : NAN;
  c->score_b = rb != NULL ? rb->score : NAN;
  c->max_b = rb != NULL ? rb->max : NAN;
  c->difference = difference (c->score_a, c->score_b);
  c->answer_changed = !ga_answer_equal (answer_a, answer_b)
                      || g_strcmp0 (c->answer_a, c->answer_b) != 0;
  c->changed = c->answer_changed || numbers_differ (c->score_a, c->score_b)
               || (c->item_a == NULL) != (c->item_b == NULL);
  if (c->changed)
    self->n_changed++;
  g_hash_table_insert (self->items, (gpointer) c->id, c);
  return c;
}

static GaCompareSection *
section_new (void)
{
  GaCompareSection *s = g_new0 (GaCompareSection, 1);

  s->items = g_ptr_array_new_with_free_func ((GDestroyNotify) compare_item_free);
  s->score_a = s->max_a = s->score_b = s->max_b = s->difference = NAN;
  return s;
}

static void
add_sections (GaComparison *self)
{
  GaTemplate *ta = ga_engine_get_template (self->a);
  GPtrArray *sections = ga_template_get_sections (ga_engine_get_template (self->b));
  GPtrArray *items_a = ga_template_get_items (ta);
  GaCompareSection *only_a = NULL;

  for (guint i = 0; i < sections->len; i++)
    {
      GaSection *sb = g_ptr_array_index (sections, i);
      GaCompareSection *s = section_new ();
      const GaResult *ra, *rb;

      s->id = sb->id;
      s->section_b = sb;
      s->section_a = ga_template_find_section (ta, sb->id);
      s->depth = sb->depth;
      rb = ga_engine_get_section_result (self->b, sb);
      ra = s->section_a != NULL ? ga_engine_get_section_result (self->a, s->section_a) : NULL;
      s->score_b = rb->score;
      s->max_b = rb->max;
      s->score_a = ra != NULL ? ra->score : NAN;
      s->max_a = ra != NULL ? ra->max : NAN;
      s->difference = difference (s->score_a, s->score_b);
      s->changed = numbers_differ (s->score_a, s->score_b) || s->section_a == NULL;
      for (guint j = 0; sb->items != NULL && j < sb->items->len; j++)
        {
          GaItem *item = g_ptr_array_index (sb->items, j);
          GaCompareItem *c = compare_item (self, item->id);

          s->changed = s->changed || c->changed;
          g_ptr_array_add (s->items, c);
        }
      g_ptr_array_add (self->sections, s);
    }

  for (guint i = 0; i < items_a->len; i++)
    {
      GaItem *item = g_ptr_array_index (items_a, i);

      if (g_hash_table_contains (self->items, item->id))
        continue;
      if (only_a == NULL)
        {
          only_a = section_new ();
          only_a->changed = TRUE;
          g_ptr_array_add (self->sections, only_a);
        }
      g_ptr_array_add (only_a->items, compare_item (self, item->id));
    }
}

GaComparison *
ga_comparison_new (GaEngine *a,
                   GaEngine *b)
{
  GaComparison *self;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  self = g_new0 (GaComparison, 1);
  self->a = ga_engine_ref (a);
  self->b = ga_engine_ref (b);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) compare_section_free);
  self->items = g_hash_table_new (g_str_hash, g_str_equal);
  add_sections (self);
  return self;
}

void
ga_comparison_free (GaComparison *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->items);
  g_ptr_array_unref (self->sections);
  ga_engine_unref (self->a);
  ga_engine_unref (self->b);
  g_free (self);
}

GaEngine *
ga_comparison_get_engine (GaComparison *self,
                          gboolean      b)
{
  g_return_val_if_fail (self != NULL, NULL);
  return b ? self->b : self->a;
}

GPtrArray *
ga_comparison_get_sections (GaComparison *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sections;
}

const GaCompareItem *
ga_comparison_find_item (GaComparison *self,
                         const char   *item_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return item_id != NULL ? g_hash_table_lookup (self->items, item_id) : NULL;
}

double
ga_comparison_get_difference (GaComparison *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return difference (ga_engine_get_summary (self->a)->score,
                     ga_engine_get_summary (self->b)->score);
}

guint
ga_comparison_get_n_changed (GaComparison *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_changed;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
add_summary (JsonBuilder *b,
             const char  *name,
             GaEngine    *engine)
{
  const GaSummary *s = ga_engine_get_summary (engine);
  GaTemplate *tmpl = ga_engine_get_template (engine);

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "template");
  json_builder_add_string_value (b, ga_template_get_id (tmpl));
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, ga_template_get_version (tmpl));
  add_number (b, "score", s->score);
  add_number (b, "max", s->max);
  add_number (b, "bonus", s->bonus);
  json_builder_set_member_name (b, "grade");
  if (s->grade != NULL)
    json_builder_add_string_value (b, s->grade->id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "level");
  json_builder_add_int_value (b, s->level);
  json_builder_set_member_name (b, "answered");
  json_builder_add_int_value (b, s->answered);
  json_builder_end_object (b);
}

static void
add_item (JsonBuilder         *b,
          const GaCompareItem *c)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, c->id);
  json_builder_set_member_name (b, "answer_a");
  json_builder_add_string_value (b, c->answer_a);
  json_builder_set_member_name (b, "answer_b");
  json_builder_add_string_value (b, c->answer_b);
  add_number (b, "score_a", c->score_a);
  add_number (b, "score_b", c->score_b);
  add_number (b, "max_a", c->max_a);
  add_number (b, "max_b", c->max_b);
  add_number (b, "difference", c->difference);
  json_builder_set_member_name (b, "answer_changed");
  json_builder_add_boolean_value (b, c->answer_changed);
  json_builder_set_member_name (b, "changed");
  json_builder_add_boolean_value (b, c->changed);
  json_builder_end_object (b);
}

JsonNode *
ga_comparison_to_json (GaComparison *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  add_summary (b, "a", self->a);
  add_summary (b, "b", self->b);
  add_number (b, "difference", ga_comparison_get_difference (self));
  json_builder_set_member_name (b, "changed");
  json_builder_add_int_value (b, self->n_changed);
  json_builder_set_member_name (b, "sections");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->sections->len; i++)
    {
      GaCompareSection *s = g_ptr_array_index (self->sections, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      if (s->id != NULL)
        json_builder_add_string_value (b, s->id);
      else
        json_builder_add_null_value (b);
      add_number (b, "score_a", s->score_a);
      add_number (b, "max_a", s->max_a);
      add_number (b, "score_b", s->score_b);
      add_number (b, "max_b", s->max_b);
      add_number (b, "difference", s->difference);
      json_builder_set_member_name (b, "items");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->items->len; j++)
        add_item (b, g_ptr_array_index (s->items, j));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
