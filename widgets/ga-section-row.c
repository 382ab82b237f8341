/* ga-section-row.c: one section of the checklist with its progress
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-section-row.h"

struct _GaSectionRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *noncompliant_label;
  GtkLabel      *count_label;
  GtkLevelBar   *bar;

  GaSection     *section;      /* borrowed; NULL for all items */
  char          *title;
  guint          answered;
  guint          total;
  guint          noncompliant;
};

enum {
  PROP_0,
  PROP_SECTION,
  PROP_TITLE,
  PROP_ANSWERED,
  PROP_TOTAL,
  PROP_NONCOMPLIANT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaSectionRow, ga_section_row, GTK_TYPE_LIST_BOX_ROW)

static void
show_counts (GaSectionRow *self)
{
  g_autofree char *text = g_strdup_printf ("%u/%u", self->answered, self->total);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (self->count_label, text);
  gtk_level_bar_set_value (self->bar,
                           self->total > 0 ? (double) self->answered / self->total : 0);
  if (self->noncompliant > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", self->noncompliant);

      gtk_label_set_text (self->noncompliant_label, n);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->noncompliant_label), self->noncompliant > 0);

  if (self->noncompliant > 0)
    accessible = g_strdup_printf (_("%s: %u of %u answered, %u non-compliant"), self->title,
                                  self->answered, self->total, self->noncompliant);
  else
    accessible = g_strdup_printf (_("%s: %u of %u answered"), self->title, self->answered,
                                  self->total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
ga_section_row_constructed (GObject *object)
{
  GaSectionRow *self = GA_SECTION_ROW (object);

  G_OBJECT_CLASS (ga_section_row_parent_class)->constructed (object);

  gtk_label_set_text (self->title_label, self->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), self->title);
  /* Subsections are indented under their parents. */
  if (self->section != NULL)
    gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self)),
                                 12 * self->section->depth);
}

static void
ga_section_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GaSectionRow *self = GA_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_pointer (value, self->section);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ANSWERED:
      g_value_set_uint (value, self->answered);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;
    case PROP_NONCOMPLIANT:
      g_value_set_uint (value, self->noncompliant);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_section_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GaSectionRow *self = GA_SECTION_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_get_pointer (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_ANSWERED:
      ga_section_row_set_counts (self, g_value_get_uint (value), self->total, self->noncompliant);
      break;
    case PROP_TOTAL:
      ga_section_row_set_counts (self, self->answered, g_value_get_uint (value), self->noncompliant);
      break;
    case PROP_NONCOMPLIANT:
      ga_section_row_set_counts (self, self->answered, self->total, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_section_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GA_TYPE_SECTION_ROW);

  G_OBJECT_CLASS (ga_section_row_parent_class)->dispose (object);
}

static void
ga_section_row_finalize (GObject *object)
{
  GaSectionRow *self = GA_SECTION_ROW (object);

  g_free (self->title);

  G_OBJECT_CLASS (ga_section_row_parent_class)->finalize (object);
}

static void
ga_section_row_class_init (GaSectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ga_section_row_constructed;
  object_class->dispose = ga_section_row_dispose;
  object_class->finalize = ga_section_row_finalize;
  object_class->get_property = ga_section_row_get_property;
  object_class->set_property = ga_section_row_set_property;

  properties[PROP_SECTION] =
    g_param_spec_pointer ("section", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                          | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANSWERED] =
    g_param_spec_uint ("answered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NONCOMPLIANT] =
    g_param_spec_uint ("noncompliant", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-section-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GaSectionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, GaSectionRow, noncompliant_label);
  gtk_widget_class_bind_template_child (widget_class, GaSectionRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, GaSectionRow, bar);
}

static void
ga_section_row_init (GaSectionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ga_section_row_new (GaSection  *section,
                    const char *title)
{
  return g_object_new (GA_TYPE_SECTION_ROW, "section", section, "title", title, NULL);
}

GaSection *
ga_section_row_get_section (GaSectionRow *self)
{
  g_return_val_if_fail (GA_IS_SECTION_ROW (self), NULL);

  return self->section;
}

void
ga_section_row_set_counts (GaSectionRow *self,
                           guint         answered,
                           guint         total,
                           guint         noncompliant)
{
  gboolean answered_changed, total_changed, noncompliant_changed;

  g_return_if_fail (GA_IS_SECTION_ROW (self));

  answered_changed = self->answered != answered;
  total_changed = self->total != total;
  noncompliant_changed = self->noncompliant != noncompliant;
  self->answered = answered;
  self->total = total;
  self->noncompliant = noncompliant;
  /* Shown even when nothing changed: the first counts may be the zeros
   * the row started with. */
  show_counts (self);

  if (answered_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWERED]);
  if (total_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  if (noncompliant_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONCOMPLIANT]);
}
