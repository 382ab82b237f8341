/* ga-score-summary.c: the live result of an assessment
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ga-bar-chart.h"
#include "ga-chart.h"
#include "ga-format.h"
#include "ga-radar-chart.h"
#include "ga-score-summary.h"

#define MAX_IMPROVEMENTS 8

struct _GaScoreSummary
{
  GtkWidget   parent_instance;

  GaEngine   *engine;

  GtkWidget  *headline;
  GtkWidget  *headline_caption;
  GtkWidget  *progress;
  GtkWidget  *progress_label;
  GtkWidget  *veto_icon;
  GtkWidget  *veto_label;
  GtkWidget  *grade_label;
  GtkWidget  *explanation;
  GtkWidget  *bars;
  GtkWidget  *radar;
  GtkWidget  *sections;        /* GtkListBox of AdwExpanderRow */
  GtkWidget  *improvements;    /* GtkListBox */
  GtkWidget  *improvements_title;
  GPtrArray  *section_rows;    /* AdwExpanderRow*, one per root section */
  GPtrArray  *section_labels;  /* GtkLabel* inside them */
  char       *improvements_key; /* what the improvement list shows, to skip rebuilding it */
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GaScoreSummary, ga_score_summary, GTK_TYPE_WIDGET)

static void
section_expanded_cb (AdwExpanderRow *row,
                     GParamSpec     *pspec,
                     GaScoreSummary *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  GPtrArray *roots;
  GaSection *section;
  g_autofree char *text = NULL;

  /* The trace is built when it is looked at, not on every edit. */
  if (!adw_expander_row_get_expanded (row) || self->engine == NULL)
    return;
  roots = ga_template_get_root_sections (ga_engine_get_template (self->engine));
  if (index >= roots->len)
    return;
  section = g_ptr_array_index (roots, index);
  text = ga_engine_explain (self->engine, section->id);
  gtk_label_set_text (g_ptr_array_index (self->section_labels, index), text ? text : "");
}

static void
improvement_activated_cb (GtkListBox     *list,
                          GtkListBoxRow  *row,
                          GaScoreSummary *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "item-id");

  if (id != NULL)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, id);
}

static void
rebuild_sections (GaScoreSummary *self)
{
  GtkWidget *child;
  GPtrArray *roots;

  while ((child = gtk_widget_get_first_child (self->sections)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->sections), child);
  g_ptr_array_set_size (self->section_rows, 0);
  g_ptr_array_set_size (self->section_labels, 0);
  if (self->engine == NULL)
    return;

  roots = ga_template_get_root_sections (ga_engine_get_template (self->engine));
  for (guint i = 0; i < roots->len; i++)
    {
      GaSection *section = g_ptr_array_index (roots, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *label = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ga_text_get (&section->title, NULL));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect (row, "notify::expanded", G_CALLBACK (section_expanded_cb), self);
      gtk_list_box_append (GTK_LIST_BOX (self->sections), row);
      g_ptr_array_add (self->section_rows, row);
      g_ptr_array_add (self->section_labels, label);
    }
}

static void
update_improvements (GaScoreSummary *self)
{
  g_autoptr(GPtrArray) list = ga_engine_get_improvements (self->engine);
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;
  guint n = 0;

  for (guint i = 0; list != NULL && i < list->len && i < MAX_IMPROVEMENTS * 2; i++)
    {
      GaImprovement *improvement = g_ptr_array_index (list, i);

      g_string_append_printf (key, "%s=%g;", improvement->item->id, improvement->gain);
    }
  if (g_strcmp0 (key->str, self->improvements_key) == 0)
    return;
  g_free (self->improvements_key);
  self->improvements_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (self->improvements)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->improvements), child);

  for (guint i = 0; list != NULL && i < list->len && n < MAX_IMPROVEMENTS; i++)
    {
      GaImprovement *improvement = g_ptr_array_index (list, i);
      GaItem *item = improvement->item;
      GtkWidget *row, *box, *gain, *title;
      g_autofree char *gain_text = NULL;
      g_autofree char *title_text = NULL;
      g_autofree char *accessible = NULL;

      if (!(improvement->gain > 0))
        continue;
      {
        g_autofree char *number = ga_format_number (improvement->gain, 2);

        gain_text = g_strdup_printf ("+%s", number);
      }
      title_text = item->clause
                       ? g_strdup_printf ("%s %s", item->clause, ga_text_get (&item->title, NULL))
                       : g_strdup (ga_text_get (&item->title, NULL));

      row = gtk_list_box_row_new ();
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gain = gtk_label_new (gain_text);
      gtk_widget_add_css_class (gain, "success");
      gtk_widget_add_css_class (gain, "ga-score");
      gtk_label_set_width_chars (GTK_LABEL (gain), 6);
      gtk_label_set_xalign (GTK_LABEL (gain), 1.0);
      title = gtk_label_new (title_text);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (box), gain);
      gtk_box_append (GTK_BOX (box), title);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, title_text);
      /* Translators: an improvement: "+5 points: 5.2.1 Energy metering". */
      accessible = g_strdup_printf (_("%s points: %s"), gain_text, title_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
      g_object_set_data_full (G_OBJECT (row), "item-id", g_strdup (item->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->improvements), row);
      n++;
    }
  gtk_widget_set_visible (self->improvements, n > 0);
  gtk_widget_set_visible (self->improvements_title, n > 0);
}

void
ga_score_summary_update (GaScoreSummary *self)
{
  const GaSummary *summary;
  GaTemplate *tmpl;
  GPtrArray *roots;
  g_autofree char *headline = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *progress = NULL;
  g_autofree char *explanation = NULL;
  g_autoptr(GString) veto = g_string_new (NULL);
  const char *veto_icon = "dialog-question-symbolic";
  guint n_radar = 0;

  g_return_if_fail (GA_IS_SCORE_SUMMARY (self));

  if (self->engine == NULL)
    return;

  summary = ga_engine_get_summary (self->engine);
  tmpl = ga_engine_get_template (self->engine);

  /* Headline: the level for clean production, else the score. */
  if (ga_template_get_scheme (tmpl) == GA_SCHEME_CLEAN_PRODUCTION)
    {
      headline = g_strdup (ga_format_level (summary->level));
      if (isfinite (summary->index[0]))
        {
          g_autofree char *y1 = ga_format_number (summary->index[0], 1);
          g_autofree char *y2 = ga_format_number (summary->index[1], 1);
          g_autofree char *y3 = ga_format_number (summary->index[2], 1);

          caption = g_strdup_printf (_("Composite index Y_I %s · Y_II %s · Y_III %s"), y1, y2, y3);
        }
    }
  else if (ga_template_get_scheme (tmpl) == GA_SCHEME_NONE)
    headline = g_strdup (_("Not scored"));
  else
    {
      headline = ga_format_score (summary->score, summary->max);
      if (isfinite (summary->bonus) && summary->bonus > 0)
        {
          g_autofree char *bonus = ga_format_number (summary->bonus, 2);

          caption = g_strdup_printf (_("plus %s bonus points"), bonus);
        }
      else
        caption = g_strdup (_("points"));
    }
  gtk_label_set_text (GTK_LABEL (self->headline), headline);
  gtk_label_set_text (GTK_LABEL (self->headline_caption), caption ? caption : "");
  gtk_widget_set_visible (self->headline_caption, caption != NULL);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->progress),
                           summary->total > 0 ? (double) summary->answered / summary->total : 0);
  progress = g_strdup_printf (_("%u of %u items answered"), summary->answered, summary->total);
  gtk_label_set_text (GTK_LABEL (self->progress_label), progress);

  /* Veto: name the failing items, they decide the outcome. */
  switch (summary->veto)
    {
    case GA_VETO_FAIL:
      veto_icon = "dialog-error-symbolic";
      g_string_append (veto, _("Veto failed:"));
      for (guint i = 0; summary->veto_failures != NULL && i < summary->veto_failures->len; i++)
        {
          GaItem *item = g_ptr_array_index (summary->veto_failures, i);

          g_string_append_printf (veto, "%s %s%s%s", i == 0 ? "" : _(";"),
                                  item->clause ? item->clause : "", item->clause ? " " : "",
                                  ga_text_get (&item->title, NULL));
        }
      gtk_widget_remove_css_class (self->veto_label, "ga-veto-pass");
      gtk_widget_add_css_class (self->veto_label, "ga-veto-fail");
      break;
    case GA_VETO_PENDING:
      g_string_append (veto, _("Veto items: not all answered yet"));
      gtk_widget_remove_css_class (self->veto_label, "ga-veto-pass");
      gtk_widget_remove_css_class (self->veto_label, "ga-veto-fail");
      break;
    case GA_VETO_PASS:
    default:
      veto_icon = "emblem-ok-symbolic";
      g_string_append (veto, _("Veto items: all met"));
      gtk_widget_remove_css_class (self->veto_label, "ga-veto-fail");
      gtk_widget_add_css_class (self->veto_label, "ga-veto-pass");
      break;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (self->veto_icon), veto_icon);
  gtk_label_set_text (GTK_LABEL (self->veto_label), veto->str);
  {
    /* A template without veto items has nothing to say here. */
    GPtrArray *items = ga_template_get_items (tmpl);
    gboolean any_veto = FALSE;

    for (guint i = 0; i < items->len && !any_veto; i++)
      any_veto = ((GaItem *) g_ptr_array_index (items, i))->veto;
    gtk_widget_set_visible (gtk_widget_get_parent (self->veto_label), any_veto);
  }

  if (summary->grade != NULL)
    {
      g_autofree char *grade
          = g_strdup_printf (_("Grade: %s"), ga_text_get (&summary->grade->label, NULL));

      gtk_label_set_text (GTK_LABEL (self->grade_label), grade);
      gtk_widget_set_visible (self->grade_label, TRUE);
    }
  else
    gtk_widget_set_visible (self->grade_label, FALSE);

  explanation = ga_engine_explain_summary (self->engine);
  gtk_label_set_text (GTK_LABEL (self->explanation), explanation ? explanation : "");

  /* Per-section figures; a bar turns orange when an item below it is
   * answered and not met. */
  roots = ga_template_get_root_sections (tmpl);
  g_autoptr(GHashTable) failing = g_hash_table_new (NULL, NULL);
  {
    GPtrArray *items = ga_template_get_items (tmpl);

    for (guint i = 0; i < items->len; i++)
      {
        GaItem *item = g_ptr_array_index (items, i);
        const GaResult *r = ga_engine_get_item_result (self->engine, item);
        GaSection *root = item->section;

        if (r == NULL || !(r->noncompliant || r->veto_failed) || root == NULL)
          continue;
        while (root->parent != NULL)
          root = root->parent;
        g_hash_table_add (failing, root);
      }
  }
  if (roots->len != self->section_rows->len)
    rebuild_sections (self);
  ga_bar_chart_clear (GA_BAR_CHART (self->bars));
  for (guint i = 0; i < roots->len; i++)
    {
      GaSection *section = g_ptr_array_index (roots, i);
      const GaResult *result = ga_engine_get_section_result (self->engine, section);
      const char *title = ga_text_get (&section->title, NULL);
      g_autofree char *subtitle = NULL;
      double score;

      if (result == NULL)
        continue;
      score = result->status == GA_STATUS_NA ? NAN : result->score;
      if (isfinite (result->max) && result->max > 0)
        {
          ga_bar_chart_add_bar (GA_BAR_CHART (self->bars), title, score, result->max,
                                g_hash_table_contains (failing, section) ? GA_CHART_COLOR_ORANGE
                                                                         : GA_CHART_COLOR_GREEN);
          n_radar++;
        }
      if (isfinite (result->max))
        {
          g_autofree char *figure = ga_format_score (score, result->max);

          subtitle = g_strdup_printf (_("%s · %u of %u answered"), figure, result->answered,
                                      result->total);
        }
      else
        subtitle = g_strdup_printf (_("%u of %u answered"), result->answered, result->total);
      if (g_strcmp0 (adw_expander_row_get_subtitle (g_ptr_array_index (self->section_rows, i)),
                     subtitle)
          != 0)
        adw_expander_row_set_subtitle (g_ptr_array_index (self->section_rows, i), subtitle);
      if (adw_expander_row_get_expanded (g_ptr_array_index (self->section_rows, i)))
        section_expanded_cb (g_ptr_array_index (self->section_rows, i), NULL, self);
    }
  gtk_widget_set_visible (self->bars, ga_bar_chart_get_n_bars (GA_BAR_CHART (self->bars)) > 0);
  /* The radar shows the scored sections; past a dozen spokes it is
   * unreadable and the bars say it all. */
  ga_radar_chart_clear (GA_RADAR_CHART (self->radar));
  if (n_radar >= 3 && n_radar <= 12)
    for (guint i = 0; i < roots->len; i++)
      {
        GaSection *section = g_ptr_array_index (roots, i);
        const GaResult *result = ga_engine_get_section_result (self->engine, section);

        if (result != NULL && isfinite (result->max) && result->max > 0)
          ga_radar_chart_add_axis (
              GA_RADAR_CHART (self->radar), ga_text_get (&section->title, NULL),
              result->status == GA_STATUS_NA ? NAN : result->score, result->max);
      }
  gtk_widget_set_visible (self->radar, n_radar >= 3 && n_radar <= 12);

  update_improvements (self);
}

void
ga_score_summary_set_engine (GaScoreSummary *self,
                             GaEngine       *engine)
{
  g_return_if_fail (GA_IS_SCORE_SUMMARY (self));

  if (self->engine == engine)
    return;
  g_clear_pointer (&self->engine, ga_engine_unref);
  if (engine != NULL)
    self->engine = ga_engine_ref (engine);
  g_clear_pointer (&self->improvements_key, g_free);
  rebuild_sections (self);
  ga_score_summary_update (self);
}

const char *
ga_score_summary_get_headline (GaScoreSummary *self)
{
  g_return_val_if_fail (GA_IS_SCORE_SUMMARY (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->headline));
}

const char *
ga_score_summary_get_veto_text (GaScoreSummary *self)
{
  g_return_val_if_fail (GA_IS_SCORE_SUMMARY (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->veto_label));
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  return label;
}

/* A left-aligned label with @text and the style class @css_class, added
 * below what the summary already shows. */
static GtkWidget *
append_label (GaScoreSummary *self,
              const char     *text,
              const char     *css_class,
              gboolean        wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));
  return label;
}

static void
ga_score_summary_dispose (GObject *object)
{
  GaScoreSummary *self = GA_SCORE_SUMMARY (object);
  GtkWidget *child;

  g_clear_pointer (&self->engine, ga_engine_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ga_score_summary_parent_class)->dispose (object);
}

static void
ga_score_summary_finalize (GObject *object)
{
  GaScoreSummary *self = GA_SCORE_SUMMARY (object);

  g_ptr_array_unref (self->section_rows);
  g_ptr_array_unref (self->section_labels);
  g_free (self->improvements_key);

  G_OBJECT_CLASS (ga_score_summary_parent_class)->finalize (object);
}

static void
ga_score_summary_class_init (GaScoreSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_score_summary_dispose;
  object_class->finalize = ga_score_summary_finalize;

  /**
   * GaScoreSummary::item-activated:
   * @item_id: the item of the improvement that was activated
   */
  signals[ITEM_ACTIVATED] = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scoresummary");
}

static void
ga_score_summary_init (GaScoreSummary *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *veto_box, *title;

  self->section_rows = g_ptr_array_new ();
  self->section_labels = g_ptr_array_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 6);

  title = heading (_("Result"));
  gtk_widget_set_margin_top (title, 0);
  gtk_widget_set_parent (title, widget);

  self->headline = append_label (self, "–", "ga-score-large", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->headline), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->headline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Total score"), -1);

  self->headline_caption = append_label (self, NULL, "dim-label", TRUE);

  self->progress = gtk_level_bar_new ();
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (self->progress), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share of items answered"), -1);
  gtk_widget_set_parent (self->progress, widget);
  self->progress_label = append_label (self, NULL, "caption", FALSE);
  gtk_widget_add_css_class (self->progress_label, "dim-label");

  veto_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->veto_icon = gtk_image_new_from_icon_name ("dialog-question-symbolic");
  gtk_widget_set_valign (self->veto_icon, GTK_ALIGN_START);
  self->veto_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->veto_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->veto_label), 0);
  gtk_widget_set_hexpand (self->veto_label, TRUE);
  gtk_box_append (GTK_BOX (veto_box), self->veto_icon);
  gtk_box_append (GTK_BOX (veto_box), self->veto_label);
  gtk_widget_set_margin_top (veto_box, 8);
  gtk_widget_set_parent (veto_box, widget);

  self->grade_label = append_label (self, NULL, "title-4", TRUE);

  self->explanation = append_label (self, NULL, "dim-label", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->explanation), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->explanation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How the result was reached"), -1);

  gtk_widget_set_parent (heading (_("Sections")), widget);
  self->bars = ga_bar_chart_new ();
  gtk_widget_set_parent (self->bars, widget);
  self->radar = ga_radar_chart_new ();
  gtk_widget_set_size_request (self->radar, -1, 260);
  gtk_widget_set_parent (self->radar, widget);

  self->sections = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->sections), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->sections, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sections), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How each section was scored"), -1);
  gtk_widget_set_parent (self->sections, widget);

  self->improvements_title = heading (_("Largest Improvements"));
  gtk_widget_set_parent (self->improvements_title, widget);
  self->improvements = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->improvements), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->improvements), TRUE);
  gtk_widget_add_css_class (self->improvements, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->improvements),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Items that would add the most points"), -1);
  g_signal_connect (self->improvements, "row-activated", G_CALLBACK (improvement_activated_cb),
                    self);
  gtk_widget_set_parent (self->improvements, widget);
}

GtkWidget *
ga_score_summary_new (void)
{
  return g_object_new (GA_TYPE_SCORE_SUMMARY, NULL);
}
