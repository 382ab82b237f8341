/* ga-compare-window.c: two years of an enterprise side by side
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison itself is ga-compare.c in the services; this window lays
 * it out: a row per section and per item with the answer and the points of
 * each year and the difference, up in green with ▲ and down in red with ▼
 * (the arrow says it without the colour), and the trend over all years.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ga-compare-window.h"
#include "ga-format.h"
#include "ga-store-engine.h"
#include "ga-trend-chart.h"

struct _GaCompareWindow
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkToggleButton *changed_button;
  GtkStack        *stack;
  GtkDropDown     *other_dropdown;
  GtkLabel        *summary_label;
  GtkListBox      *list;
  GtkLabel        *trend_title;
  GtkWidget       *trend;
  GtkWidget       *intensity_title;
  GtkWidget       *intensity;     /* energy audits: tce per 10⁴ CNY value added */

  /* Owned */
  GaStore         *store;
  GaAssessment    *assessment;
  GArray          *others;       /* gint64, as listed in other_dropdown */
  GaComparison    *comparison;
  GPtrArray       *rows;         /* GtkWidget* rows, borrowed; unchanged ones carry "unchanged" */
  GtkSizeGroup    *columns[3];
  char            *year_a;       /* the column headings: "2025" (or the title) */
  char            *year_b;
};

G_DEFINE_FINAL_TYPE (GaCompareWindow, ga_compare_window, ADW_TYPE_WINDOW)

static char *
year_of (const GaAssessment *a)
{
  return a->year > 0 ? g_strdup_printf ("%d", a->year) : g_strdup (a->title);
}

/* "▲ +5", "▼ −2.5", "0"; for an item that is not scored, "changed" when
 * its answer changed. The style class goes with it. */
static char *
describe_difference (double       difference,
                     gboolean     answer_changed,
                     const char **style)
{
  g_autofree char *n = ga_format_number (fabs (difference), 2);

  *style = "dim-label";
  if (isnan (difference))
    return g_strdup (answer_changed ? _("changed") : "");
  if (fabs (difference) < 1e-9)
    return g_strdup ("0");
  *style = difference > 0 ? "success" : "error";
  /* Translators: a score that went up ("▲ +5") or down ("▼ −5"). */
  return difference > 0 ? g_strdup_printf (_("▲ +%s"), n) : g_strdup_printf (_("▼ −%s"), n);
}

static GtkWidget *
cell (GaCompareWindow *self,
      GtkWidget       *box,
      const char      *text,
      int              column,
      const char      *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, text);
  if (column < 0)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_width_chars (GTK_LABEL (label), column == 2 ? 9 : 16);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column == 2 ? 12 : 26);
      gtk_size_group_add_widget (self->columns[column], label);
    }
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* One row: @title, the two years' @a and @b and the difference. */
static GtkWidget *
add_row (GaCompareWindow *self,
         const char      *title,
         const char      *a,
         const char      *b,
         double           difference,
         gboolean         answer_changed,
         gboolean         changed,
         guint            depth,
         gboolean         heading)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *diff = NULL;
  g_autofree char *spoken = NULL;
  const char *style;

  diff = describe_difference (difference, answer_changed, &style);
  if (self->rows->len == 0)
    {
      /* The column headings. */
      g_free (diff);
      diff = g_strdup (_("Difference"));
      style = "heading";
    }
  gtk_widget_set_margin_top (box, heading ? 10 : 6);
  gtk_widget_set_margin_bottom (box, heading ? 10 : 6);
  gtk_widget_set_margin_start (box, 12 + 18 * (int) depth);
  gtk_widget_set_margin_end (box, 12);
  cell (self, box, title, -1, heading ? "heading" : NULL);
  cell (self, box, a, 0, heading ? "heading" : NULL);
  cell (self, box, b, 1, heading ? "heading" : NULL);
  cell (self, box, diff, 2, style);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Translators: what a screen reader says for a row of the comparison:
   * "C1 Energy policy: 2025 Partly met (5), 2026 Met (10), ▲ +5". */
  spoken = g_strdup_printf (_("%s: %s %s, %s %s, %s"), title, self->year_a, a, self->year_b, b,
                            diff);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  if (!changed)
    g_object_set_data (G_OBJECT (row), "unchanged", GINT_TO_POINTER (TRUE));
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->rows, row);
  return row;
}

static char *
with_points (const char *answer,
             double      score)
{
  g_autofree char *points = ga_format_number (score, 2);

  /* Nothing answered yet: no points to speak of. */
  if (isnan (score) || (g_strcmp0 (answer, "–") == 0 && score == 0))
    return g_strdup (answer);
  /* Translators: an answer and the points it earned, "Met (10)". */
  return g_strdup_printf (_("%s (%s)"), answer, points);
}

static void
add_item_rows (GaCompareWindow  *self,
               GaCompareSection *section)
{
  for (guint j = 0; j < section->items->len; j++)
    {
      GaCompareItem *c = g_ptr_array_index (section->items, j);
      const GaItem *item = c->item_b != NULL ? c->item_b : c->item_a;
      /* "number title", as every other list of items. */
      g_autofree char *title = ga_item_label (item, NULL);
      g_autofree char *a = c->item_a != NULL ? with_points (c->answer_a, c->score_a)
                                             : g_strdup (_("not in this template"));
      g_autofree char *b = c->item_b != NULL ? with_points (c->answer_b, c->score_b)
                                             : g_strdup (_("not in this template"));
      double difference = c->difference;
      GtkWidget *row;

      /* Not answered in either year: no difference to speak of. */
      if (!c->changed && g_strcmp0 (c->answer_a, "–") == 0 && g_strcmp0 (c->answer_b, "–") == 0)
        difference = NAN;
      row = add_row (self, title, a, b, difference, c->answer_changed, c->changed,
                     section->depth + 1, FALSE);
      gtk_widget_set_name (row, c->id);
    }
}

static void
fill_rows (GaCompareWindow *self)
{
  GPtrArray *sections = ga_comparison_get_sections (self->comparison);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    {
      g_clear_object (&self->columns[i]);
      self->columns[i] = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
    }

  add_row (self, _("Section or item"), self->year_a, self->year_b, NAN, FALSE, TRUE, 0, TRUE);
  for (guint i = 0; i < sections->len; i++)
    {
      GaCompareSection *s = g_ptr_array_index (sections, i);
      const GaSection *section = s->section_b != NULL ? s->section_b : s->section_a;
      double difference = s->difference;
      g_autofree char *title = NULL;
      g_autofree char *a = ga_format_score (s->score_a, s->max_a);
      g_autofree char *b = ga_format_score (s->score_b, s->max_b);
      GtkWidget *row;

      if (section != NULL)
        title = g_strdup (ga_text_get (&section->title, NULL));
      else
        title = g_strdup (_("No longer in the template"));
      if (section == NULL || (!(s->max_a > 0) && !(s->max_b > 0)))
        {
          /* Not scored (basic requirements) or not there: no points. */
          difference = NAN;
          g_free (a);
          g_free (b);
          a = g_strdup ("");
          b = g_strdup ("");
        }
      row = add_row (self, title, a, b, difference, FALSE, s->changed, s->depth, TRUE);
      if (s->id != NULL)
        gtk_widget_set_name (row, s->id);
      add_item_rows (self, s);
    }
}

static void
apply_filter (GaCompareWindow *self)
{
  gboolean changed_only = gtk_toggle_button_get_active (self->changed_button);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      gtk_widget_set_visible (row, !changed_only
                                   || g_object_get_data (G_OBJECT (row), "unchanged") == NULL);
    }
}

static void
fill_summary (GaCompareWindow *self)
{
  const GaSummary *sa = ga_engine_get_summary (ga_comparison_get_engine (self->comparison, FALSE));
  const GaSummary *sb = ga_engine_get_summary (ga_comparison_get_engine (self->comparison, TRUE));
  g_autofree char *a = ga_format_score (sa->score, sa->max);
  g_autofree char *b = ga_format_score (sb->score, sb->max);
  g_autofree char *diff = NULL;
  g_autofree char *text = NULL;
  guint n = ga_comparison_get_n_changed (self->comparison);
  const char *style;

  diff = describe_difference (ga_comparison_get_difference (self->comparison), FALSE, &style);
  /* Translators: "Total 2025: 15 / 25 · 2026: 22.5 / 25 (▲ +7.5) · 4 items changed". */
  text = g_strdup_printf (ngettext ("Total %s: %s · %s: %s (%s) · %u item changed",
                                    "Total %s: %s · %s: %s (%s) · %u items changed", n),
                          self->year_a, a, self->year_b, b, diff, n);
  gtk_label_set_text (self->summary_label, text);
}

static int
by_year (gconstpointer a,
         gconstpointer b)
{
  const GaAssessment *x = *(const GaAssessment **) a;
  const GaAssessment *y = *(const GaAssessment **) b;

  if (x->year != y->year)
    return x->year < y->year ? -1 : 1;
  /* Within a year the most recently changed first. */
  return -g_strcmp0 (x->updated_at, y->updated_at);
}

static double
number_of (GaEngine   *engine,
           const char *id)
{
  const GaResult *r = ga_engine_lookup (engine, id);

  return r != NULL && r->value.kind == GA_VALUE_NUMBER ? r->value.u.number : NAN;
}

/* The assessment's total score, or for an energy audit its total energy
 * (tce) and (*@intensity) its energy per value added (tce/10⁴ CNY). */
static double
trend_value (GaCompareWindow *self,
             gint64           id,
             gboolean         energy,
             double          *intensity)
{
  g_autoptr(GaEngine) engine = ga_store_load_engine (self->store, id, NULL);

  *intensity = NAN;
  if (engine == NULL)
    return NAN;
  if (!energy)
    return ga_engine_get_summary (engine)->score;
  *intensity = number_of (engine, "E_per_va");
  return number_of (engine, "E_total");
}

/* One point per year, oldest first: the total energy of energy audits
 * (tce) with their energy per value added in a chart of its own (another
 * unit), else the total score. */
static void
fill_trend (GaCompareWindow *self)
{
  g_autoptr(GPtrArray) list = ga_store_list_assessments (self->store,
                                                         self->assessment->enterprise_id, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) intensities = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean energy = g_strcmp0 (self->assessment->kind, "energy-audit") == 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);

      if (a->year > 0 && g_strcmp0 (a->kind, self->assessment->kind) == 0)
        g_ptr_array_add (order, a);
    }
  g_ptr_array_sort (order, by_year);
  for (guint i = 0; i < order->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (order, i);
      double value, intensity;

      if (i > 0 && ((GaAssessment *) g_ptr_array_index (order, i - 1))->year == a->year)
        continue;
      value = trend_value (self, a->id, energy, &intensity);
      g_ptr_array_add (years, g_strdup_printf ("%d", a->year));
      g_array_append_val (values, value);
      g_array_append_val (intensities, intensity);
    }
  gtk_label_set_text (self->trend_title, energy ? _("Total energy over the years")
                                                : _("Total score over the years"));
  ga_trend_chart_set_categories (GA_TREND_CHART (self->trend), (const char **) years->pdata,
                                 years->len);
  ga_trend_chart_set_unit (GA_TREND_CHART (self->trend), energy ? "tce" : _("points"));
  ga_trend_chart_add_series (GA_TREND_CHART (self->trend),
                             energy ? _("Total energy (tce)") : _("Total score"),
                             (double *) values->data, values->len);

  gtk_widget_set_visible (self->intensity_title, energy);
  gtk_widget_set_visible (self->intensity, energy);
  if (!energy)
    return;
  ga_trend_chart_set_categories (GA_TREND_CHART (self->intensity),
                                 (const char **) years->pdata, years->len);
  ga_trend_chart_set_unit (GA_TREND_CHART (self->intensity), _("tce/10⁴ CNY"));
  ga_trend_chart_add_series (GA_TREND_CHART (self->intensity),
                             _("Energy per value added (tce/10⁴ CNY)"),
                             (double *) intensities->data, intensities->len);
}

static void
compare_with (GaCompareWindow *self,
              gint64           other_id)
{
  g_autoptr(GaAssessment) other = ga_store_get_assessment (self->store, other_id, NULL);
  g_autoptr(GaEngine) mine = NULL;
  g_autoptr(GaEngine) theirs = NULL;
  g_autofree char *subtitle = NULL;
  gboolean other_first;

  g_clear_pointer (&self->comparison, ga_comparison_free);
  mine = ga_store_load_engine (self->store, self->assessment->id, NULL);
  theirs = other != NULL ? ga_store_load_engine (self->store, other_id, NULL) : NULL;
  if (mine == NULL || theirs == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* The earlier year on the left. */
  other_first = other->year <= self->assessment->year;
  self->comparison = other_first ? ga_comparison_new (theirs, mine)
                                 : ga_comparison_new (mine, theirs);
  g_free (self->year_a);
  g_free (self->year_b);
  self->year_a = year_of (other_first ? other : self->assessment);
  self->year_b = year_of (other_first ? self->assessment : other);
  /* Translators: the window's subtitle, "2025 → 2026". */
  subtitle = g_strdup_printf (_("%s → %s"), self->year_a, self->year_b);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  fill_summary (self);
  fill_rows (self);
  apply_filter (self);
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

static void
other_selected_cb (GaCompareWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->other_dropdown);

  if (position < self->others->len)
    compare_with (self, g_array_index (self->others, gint64, position));
}

/* The other assessments of the enterprise and kind, the one to start with
 * first. */
static void
list_others (GaCompareWindow *self)
{
  g_autoptr(GPtrArray) list = ga_store_list_assessments (self->store,
                                                         self->assessment->enterprise_id, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GaTemplate) tmpl = ga_store_load_template (self->store, self->assessment->id, NULL);
  gint64 first = tmpl != NULL
                 ? ga_store_find_previous_assessment (self->store, self->assessment->enterprise_id,
                                                      tmpl, self->assessment->year, NULL)
                 : 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; list != NULL && i < list->len; i++)
      {
        GaAssessment *a = g_ptr_array_index (list, i);
        g_autofree char *name = NULL;

        if (a->id == self->assessment->id || g_strcmp0 (a->kind, self->assessment->kind) != 0
            || (pass == 0) != (a->id == first))
          continue;
        g_array_append_val (self->others, a->id);
        name = a->year > 0 ? g_strdup_printf ("%d · %s", a->year, a->title)
                           : g_strdup (a->title);
        gtk_string_list_append (names, name);
      }
  gtk_drop_down_set_model (self->other_dropdown, G_LIST_MODEL (names));
}

static void
ga_compare_window_dispose (GObject *object)
{
  GaCompareWindow *self = GA_COMPARE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_COMPARE_WINDOW);
  g_clear_pointer (&self->comparison, ga_comparison_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ga_compare_window_parent_class)->dispose (object);
}

static void
ga_compare_window_finalize (GObject *object)
{
  GaCompareWindow *self = GA_COMPARE_WINDOW (object);

  g_clear_pointer (&self->assessment, ga_assessment_free);
  g_free (self->year_a);
  g_free (self->year_b);
  g_array_unref (self->others);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ga_compare_window_parent_class)->finalize (object);
}

static void
ga_compare_window_class_init (GaCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_compare_window_dispose;
  object_class->finalize = ga_compare_window_finalize;

  g_type_ensure (GA_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, changed_button);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, other_dropdown);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, list);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, trend_title);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, trend);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, intensity_title);
  gtk_widget_class_bind_template_child (widget_class, GaCompareWindow, intensity);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ga_compare_window_init (GaCompareWindow *self)
{
  self->others = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GaCompareWindow *
ga_compare_window_new (GtkWindow *parent,
                       GaStore   *store,
                       gint64     assessment_id)
{
  GaCompareWindow *self;

  g_return_val_if_fail (GA_IS_STORE (store), NULL);

  self = g_object_new (GA_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->assessment = ga_store_get_assessment (store, assessment_id, NULL);
  if (self->assessment == NULL)
    return self;
  list_others (self);
  fill_trend (self);
  g_signal_connect_object (self->other_dropdown, "notify::selected",
                           G_CALLBACK (other_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changed_button, "toggled", G_CALLBACK (apply_filter), self,
                           G_CONNECT_SWAPPED);
  if (self->others->len > 0)
    compare_with (self, g_array_index (self->others, gint64, 0));
  return self;
}

gboolean
ga_compare_window_set_other (GaCompareWindow *self,
                             gint64           other_id)
{
  g_return_val_if_fail (GA_IS_COMPARE_WINDOW (self), FALSE);

  for (guint i = 0; i < self->others->len; i++)
    if (g_array_index (self->others, gint64, i) == other_id)
      {
        if (gtk_drop_down_get_selected (self->other_dropdown) == i)
          compare_with (self, other_id);
        else
          gtk_drop_down_set_selected (self->other_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

GaComparison *
ga_compare_window_get_comparison (GaCompareWindow *self)
{
  g_return_val_if_fail (GA_IS_COMPARE_WINDOW (self), NULL);
  return self->comparison;
}
