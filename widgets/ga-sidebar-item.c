/* ga-sidebar-item.c: one row of the enterprise sidebar
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-sidebar-item.h"
#include "ga-template.h"

struct _GaSidebarItem
{
  GObject       parent_instance;

  GaEnterprise *enterprise;
  GaAssessment *assessment;
  GListStore   *children;
  char         *title;
  char         *subtitle;
  char         *search_text;   /* casefolded, for the filter */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ID,
  PROP_IS_ENTERPRISE,
  PROP_CHILDREN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaSidebarItem, ga_sidebar_item, G_TYPE_OBJECT)

const char *
ga_assessment_kind_label (const char *kind)
{
  GaTemplateKind k = GA_TEMPLATE_KIND_CUSTOM;

  ga_template_kind_from_string (kind, &k);
  return ga_template_kind_label (k);
}

static void
ga_sidebar_item_finalize (GObject *object)
{
  GaSidebarItem *self = GA_SIDEBAR_ITEM (object);

  g_clear_pointer (&self->enterprise, ga_enterprise_free);
  g_clear_pointer (&self->assessment, ga_assessment_free);
  g_clear_object (&self->children);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->search_text);

  G_OBJECT_CLASS (ga_sidebar_item_parent_class)->finalize (object);
}

static void
ga_sidebar_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GaSidebarItem *self = GA_SIDEBAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_ID:
      g_value_set_int64 (value, ga_sidebar_item_get_id (self));
      break;
    case PROP_IS_ENTERPRISE:
      g_value_set_boolean (value, self->enterprise != NULL);
      break;
    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_sidebar_item_class_init (GaSidebarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ga_sidebar_item_finalize;
  object_class->get_property = ga_sidebar_item_get_property;

  /* A sidebar item never changes once made: the window makes new ones
   * when the store changes. The properties are read-only. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IS_ENTERPRISE] =
    g_param_spec_boolean ("is-enterprise", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ga_sidebar_item_init (GaSidebarItem *self)
{
}

static int
compare_assessments (gconstpointer a,
                     gconstpointer b)
{
  const GaAssessment *x = *(GaAssessment **) a;
  const GaAssessment *y = *(GaAssessment **) b;

  /* Newest year first, then by kind so that one year's assessments sit
   * together in a stable order. */
  if (x->year != y->year)
    return y->year - x->year;
  return g_strcmp0 (x->kind, y->kind);
}

GaSidebarItem *
ga_sidebar_item_new_enterprise (const GaEnterprise *enterprise,
                                GPtrArray          *assessments)
{
  GaSidebarItem *self;
  g_autoptr(GString) search = g_string_new (NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *folded = NULL;

  g_return_val_if_fail (enterprise != NULL, NULL);

  self = g_object_new (GA_TYPE_SIDEBAR_ITEM, NULL);
  self->enterprise = ga_enterprise_copy (enterprise);
  self->children = g_list_store_new (GA_TYPE_SIDEBAR_ITEM);
  self->title = g_strdup (enterprise->name);

  if (assessments != NULL)
    for (guint i = 0; i < assessments->len; i++)
      g_ptr_array_add (sorted, g_ptr_array_index (assessments, i));
  g_ptr_array_sort (sorted, compare_assessments);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr (GaSidebarItem) child
          = ga_sidebar_item_new_assessment (g_ptr_array_index (sorted, i));

      g_list_store_append (self->children, child);
      g_string_append_printf (search, " %s", child->title);
    }

  if (sorted->len == 0)
    self->subtitle = g_strdup (_("No assessments yet"));
  else
    self->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u assessment",
                                                   "%u assessments", sorted->len),
                                      sorted->len);

  g_string_append_printf (search, " %s %s %s %s", enterprise->name,
                          enterprise->credit_code ? enterprise->credit_code : "",
                          enterprise->industry ? enterprise->industry : "",
                          enterprise->region ? enterprise->region : "");
  if (enterprise->region != NULL)
    {
      const GaRegion *region = ga_region_lookup (enterprise->region);

      if (region != NULL)
        g_string_append_printf (search, " %s", region->name);
    }
  folded = g_utf8_casefold (search->str, -1);
  self->search_text = g_steal_pointer (&folded);

  return self;
}

GaSidebarItem *
ga_sidebar_item_new_assessment (const GaAssessment *assessment)
{
  GaSidebarItem *self;

  g_return_val_if_fail (assessment != NULL, NULL);

  self = g_object_new (GA_TYPE_SIDEBAR_ITEM, NULL);
  self->assessment = ga_assessment_copy (assessment);
  if (assessment->year > 0)
    /* Translators: a sidebar row: "2025 · Green factory". */
    self->title = g_strdup_printf (_("%d · %s"), assessment->year,
                                   ga_assessment_kind_label (assessment->kind));
  else
    self->title = g_strdup (ga_assessment_kind_label (assessment->kind));
  self->subtitle = g_strdup (assessment->title ? assessment->title : "");
  self->search_text = g_utf8_casefold (self->subtitle, -1);

  return self;
}

gboolean
ga_sidebar_item_is_enterprise (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), FALSE);

  return self->enterprise != NULL;
}

const GaEnterprise *
ga_sidebar_item_get_enterprise (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), NULL);

  return self->enterprise;
}

const GaAssessment *
ga_sidebar_item_get_assessment (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), NULL);

  return self->assessment;
}

gint64
ga_sidebar_item_get_id (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), 0);

  return self->enterprise != NULL ? self->enterprise->id : self->assessment->id;
}

const char *
ga_sidebar_item_get_title (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), NULL);

  return self->title;
}

const char *
ga_sidebar_item_get_subtitle (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), NULL);

  return self->subtitle;
}

GListModel *
ga_sidebar_item_get_children (GaSidebarItem *self)
{
  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

gboolean
ga_sidebar_item_matches (GaSidebarItem *self,
                         const char    *needle)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (GA_IS_SIDEBAR_ITEM (self), FALSE);

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  folded = g_utf8_casefold (needle, -1);
  return strstr (self->search_text, folded) != NULL;
}
