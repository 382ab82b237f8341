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
  GtkWidget  *veto_box;
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
      title_text = ga_item_label (item, NULL);

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

/* The headline: the level for clean production, else the score. */
static void
update_headline (GaScoreSummary  *self,
                 const GaSummary *summary,
                 GaTemplate      *tmpl)
{
  g_autofree char *headline = NULL;
  g_autofree char *caption = NULL;

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
}

static void
update_progress (GaScoreSummary  *self,
                 const GaSummary *summary)
{
  g_autofree char *progress = NULL;
  guint full, partial, not_met;

  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->progress),
                           summary->total > 0 ? (double) summary->answered / summary->total : 0);
  progress = g_strdup_printf (_("%u of %u items answered"), summary->answered, summary->total);
  /* Partly met items (some of their points) are counted apart from the
   * items not met. */
  ga_engine_count_met (self->engine, NULL, &full, &partial, &not_met);
  if (full + partial + not_met > 0)
    {
      g_autofree char *met = g_strdup_printf (_("%u met · %u partly met · %u not met"), full,
                                              partial, not_met);
      char *both = g_strdup_printf ("%s\n%s", progress, met);

      g_free (progress);
      progress = both;
    }
  gtk_label_set_text (GTK_LABEL (self->progress_label), progress);
}

static gboolean
template_has_veto (GaTemplate *tmpl)
{
  GPtrArray *items = ga_template_get_items (tmpl);

  for (guint i = 0; i < items->len; i++)
    if (((GaItem *) g_ptr_array_index (items, i))->veto)
      return TRUE;
  return FALSE;
}

/* Veto: name the failing items, they decide the outcome. */
static void
update_veto (GaScoreSummary  *self,
             const GaSummary *summary,
             GaTemplate      *tmpl)
{
  g_autoptr(GString) veto = g_string_new (NULL);
  /* Icons of Adwaita; the question mark of dialog-question reads as a
   * missing glyph (U+FFFD) at this size, so pending shows the "…" one. */
  const char *veto_icon = "content-loading-symbolic";
  const char *veto_state = _("Veto items: pending");

  switch (summary->veto)
    {
    case GA_VETO_FAIL:
      veto_icon = "dialog-error-symbolic";
      veto_state = _("Veto items: failed");
      g_string_append (veto, _("Veto failed:"));
      for (guint i = 0; summary->veto_failures != NULL && i < summary->veto_failures->len; i++)
        {
          GaItem *item = g_ptr_array_index (summary->veto_failures, i);

          g_autofree char *label = ga_item_label (item, NULL);

          g_string_append_printf (veto, "%s %s", i == 0 ? "" : _(";"), label);
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
      veto_state = _("Veto items: met");
      g_string_append (veto, _("Veto items: all met"));
      gtk_widget_remove_css_class (self->veto_label, "ga-veto-fail");
      gtk_widget_add_css_class (self->veto_label, "ga-veto-pass");
      break;
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (self->veto_icon), veto_icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->veto_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  veto_state, -1);
  gtk_label_set_text (GTK_LABEL (self->veto_label), veto->str);
  /* A template without veto items has nothing to say here. */
  gtk_widget_set_visible (self->veto_box, template_has_veto (tmpl));
}

/* The grade reached and the engine's account of the result. */
static void
update_grade (GaScoreSummary  *self,
              const GaSummary *summary)
{
  g_autofree char *explanation = NULL;

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
}

/* The root sections with an item below them that is answered and not met
 * (or fails its veto); partly met items do not turn a bar orange. */
static GHashTable *
failing_sections_new (GaScoreSummary *self,
                      GaTemplate     *tmpl)
{
  GHashTable *failing = g_hash_table_new (NULL, NULL);
  GPtrArray *items = ga_template_get_items (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      const GaResult *r = ga_engine_get_item_result (self->engine, item);
      GaSection *root = item->section;

      if (ga_result_get_met (r) != GA_MET_NOT || root == NULL)
        continue;
      while (root->parent != NULL)
        root = root->parent;
      g_hash_table_add (failing, root);
    }
  return failing;
}

/* A section's score, or NaN when it does not apply. */
static double
section_score (const GaResult *result)
{
  return result->status == GA_STATUS_NA ? NAN : result->score;
}

/* Only sections with a positive maximum have a bar and a radar spoke. */
static gboolean
section_is_charted (const GaResult *result)
{
  return result != NULL && isfinite (result->max) && result->max > 0;
}

/* The subtitle of row @i from @result; an expanded row's trace is built
 * again. */
static void
update_section_row (GaScoreSummary *self,
                    guint           i,
                    const GaResult *result)
{
  AdwExpanderRow *row = g_ptr_array_index (self->section_rows, i);
  g_autofree char *subtitle = NULL;

  if (isfinite (result->max))
    {
      g_autofree char *figure = ga_format_score (section_score (result), result->max);

      subtitle = g_strdup_printf (_("%s · %u of %u answered"), figure, result->answered,
                                  result->total);
    }
  else
    subtitle = g_strdup_printf (_("%u of %u answered"), result->answered, result->total);
  if (g_strcmp0 (adw_expander_row_get_subtitle (row), subtitle) != 0)
    adw_expander_row_set_subtitle (row, subtitle);
  if (adw_expander_row_get_expanded (row))
    section_expanded_cb (row, NULL, self);
}

/* Per-section figures: the bars and the section rows. A bar turns orange
 * when an item below it is answered and not met. Returns the number of
 * bars. */
static guint
update_sections (GaScoreSummary *self,
                 GaTemplate     *tmpl)
{
  GPtrArray *roots = ga_template_get_root_sections (tmpl);
  g_autoptr(GHashTable) failing = failing_sections_new (self, tmpl);
  guint n_bars = 0;

  if (roots->len != self->section_rows->len)
    rebuild_sections (self);
  ga_bar_chart_clear (GA_BAR_CHART (self->bars));
  for (guint i = 0; i < roots->len; i++)
    {
      GaSection *section = g_ptr_array_index (roots, i);
      const GaResult *result = ga_engine_get_section_result (self->engine, section);

      if (result == NULL)
        continue;
      if (section_is_charted (result))
        {
          ga_bar_chart_add_bar (GA_BAR_CHART (self->bars), ga_text_get (&section->title, NULL),
                                section_score (result), result->max,
                                g_hash_table_contains (failing, section) ? GA_CHART_COLOR_ORANGE
                                                                         : GA_CHART_COLOR_GREEN);
          n_bars++;
        }
      update_section_row (self, i, result);
    }
  gtk_widget_set_visible (self->bars, n_bars > 0);
  return n_bars;
}

/* The radar shows the scored sections; past a dozen spokes it is
 * unreadable and the bars say it all. */
static void
update_radar (GaScoreSummary *self,
              GaTemplate     *tmpl,
              guint           n_scored)
{
  GPtrArray *roots = ga_template_get_root_sections (tmpl);
  gboolean shown = n_scored >= 3 && n_scored <= 12;

  ga_radar_chart_clear (GA_RADAR_CHART (self->radar));
  for (guint i = 0; shown && i < roots->len; i++)
    {
      GaSection *section = g_ptr_array_index (roots, i);
      const GaResult *result = ga_engine_get_section_result (self->engine, section);

      if (section_is_charted (result))
        ga_radar_chart_add_axis (GA_RADAR_CHART (self->radar),
                                 ga_text_get (&section->title, NULL), section_score (result),
                                 result->max);
    }
  gtk_widget_set_visible (self->radar, shown);
}

void
ga_score_summary_update (GaScoreSummary *self)
{
  const GaSummary *summary;
  GaTemplate *tmpl;

  g_return_if_fail (GA_IS_SCORE_SUMMARY (self));

  if (self->engine == NULL)
    return;

  summary = ga_engine_get_summary (self->engine);
  tmpl = ga_engine_get_template (self->engine);

  update_headline (self, summary, tmpl);
  update_progress (self, summary);
  update_veto (self, summary, tmpl);
  update_grade (self, summary);
  update_radar (self, tmpl, update_sections (self, tmpl));
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

static void
ga_score_summary_dispose (GObject *object)
{
  GaScoreSummary *self = GA_SCORE_SUMMARY (object);
  GtkWidget *child;

  g_clear_pointer (&self->engine, ga_engine_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_SCORE_SUMMARY);
  /* The headings have no id; they go with the widget too. */
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

  gtk_widget_class_set_css_name (widget_class, "scoresummary");

  g_type_ensure (GA_TYPE_BAR_CHART);
  g_type_ensure (GA_TYPE_RADAR_CHART);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-score-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, headline);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, headline_caption);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, progress);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, veto_box);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, veto_icon);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, veto_label);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, grade_label);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, explanation);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, bars);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, radar);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, sections);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, improvements_title);
  gtk_widget_class_bind_template_child (widget_class, GaScoreSummary, improvements);
  gtk_widget_class_bind_template_callback (widget_class, improvement_activated_cb);
}

static void
ga_score_summary_init (GaScoreSummary *self)
{
  self->section_rows = g_ptr_array_new ();
  self->section_labels = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ga_score_summary_new (void)
{
  return g_object_new (GA_TYPE_SCORE_SUMMARY, NULL);
}
