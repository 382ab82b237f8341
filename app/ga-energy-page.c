/* ga-energy-page.c: the energy balance of an energy audit
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ga-donut-chart.h"
#include "ga-energy-page.h"
#include "ga-format.h"
#include "ga-ledger-dialog.h"
#include "ga-ledger-import.h"
#include "ga-store-engine.h"
#include "ga-table-editor.h"
#include "ga-trend-chart.h"

/* Computed columns worth a column on screen; the others (method keys,
 * per-method CO2 parts) stay in the workbook. */
static const char * const shown_columns[] = {
  "unit", "coef", "tce", "share", "co2", "o_tce", "o_share", "o_co2", NULL
};
/* The template's ids this page knows how to lay out. */
#define GRID_YEAR      "grid_year"
#define GRID_REGION    "grid_region"
#define GRID_FACTOR    "grid_ef"
#define TOTAL_OUTPUT   "E_total"

typedef struct {
  GaOutput  *output;
  GtkWidget *row;
  GtkWidget *value;
  GtkWidget *bar;   /* progress outputs only */
} Indicator;

struct _GaEnergyPage
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkWidget  *content;           /* the box inside the clamp */
  GtkWidget  *tables;            /* one group per carrier table */
  GtkWidget  *grid_group;
  GtkWidget  *year_row;
  GtkWidget  *region_row;
  GtkWidget  *factor_row;
  GtkWidget  *grid_factor;       /* label */
  GtkWidget  *donut;
  GtkWidget  *indicators_group;
  GtkWidget  *trend;

  /* Owned references */
  GaSession  *session;
  GArray     *indicators;        /* Indicator */
  GPtrArray  *combos;            /* the AdwComboRow* showing a choice item */
  gboolean    updating;
};

G_DEFINE_FINAL_TYPE (GaEnergyPage, ga_energy_page, ADW_TYPE_BIN)

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static const GaValue *
output_value (GaEnergyPage *self,
              const char   *id)
{
  GaOutput *output = ga_template_find_output (ga_session_get_template (self->session), id);
  const GaResult *result;

  if (output == NULL)
    return NULL;
  result = ga_engine_get_output_result (ga_session_get_engine (self->session), output);
  return result ? &result->value : NULL;
}

/* The label of a table row: its first choice column's option label, or
 * its first text column. */
static char *
row_label (GaEnergyPage *self,
           GaItem       *table,
           guint         row)
{
  GaEngine *engine = ga_session_get_engine (self->session);

  for (guint c = 0; c < table->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (table->columns, c);
      const GaValue *value;

      if (column->kind != GA_ITEM_CHOICE && column->kind != GA_ITEM_TEXT)
        continue;
      value = ga_engine_get_cell (engine, table, row, c);
      if (value == NULL || value->kind != GA_VALUE_TEXT)
        continue;
      if (column->kind == GA_ITEM_CHOICE && column->options_table != NULL)
        {
          GaLookupTable *lookup = ga_template_find_table (ga_session_get_template (self->session),
                                                          column->options_table);
          GaTableRow *found
              = lookup ? g_hash_table_lookup (lookup->row_by_key, value->u.text) : NULL;

          if (found == NULL && lookup != NULL)
            {
              g_autofree char *folded = g_utf8_casefold (value->u.text, -1);

              found = g_hash_table_lookup (lookup->row_by_key, folded);
            }
          if (found != NULL)
            return g_strdup (ga_text_get (&found->label, NULL));
        }
      for (guint i = 0; column->options != NULL && i < column->options->len; i++)
        {
          GaOption *option = g_ptr_array_index (column->options, i);

          if (g_strcmp0 (option->id, value->u.text) == 0)
            return g_strdup (ga_text_get (&option->label, NULL));
        }
      return g_strdup (value->u.text);
    }
  return g_strdup_printf (_("Row %u"), row + 1);
}

static void
update_donut (GaEnergyPage *self)
{
  GaTemplate *tmpl = ga_session_get_template (self->session);
  GaEngine *engine = ga_session_get_engine (self->session);
  GPtrArray *items = ga_template_get_items (tmpl);
  const GaValue *total = output_value (self, TOTAL_OUTPUT);

  ga_donut_chart_clear (GA_DONUT_CHART (self->donut));
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);
      int tce = -1;

      if (item->kind != GA_ITEM_TABLE)
        continue;
      for (guint c = 0; c < item->columns->len; c++)
        {
          GaColumn *column = g_ptr_array_index (item->columns, c);

          if (column->kind == GA_ITEM_COMPUTED && g_strcmp0 (column->unit, "tce") == 0)
            tce = c;
        }
      if (tce < 0)
        continue;
      for (guint r = 0; r < ga_engine_get_n_rows (engine, item); r++)
        {
          const GaValue *value = ga_engine_get_cell (engine, item, r, tce);
          g_autofree char *label = row_label (self, item, r);

          ga_donut_chart_add_slice (GA_DONUT_CHART (self->donut), label,
                                    value && value->kind == GA_VALUE_NUMBER ? value->u.number
                                                                            : NAN);
        }
    }
  if (total != NULL && total->kind == GA_VALUE_NUMBER)
    {
      g_autofree char *figure = ga_format_number (total->u.number, 2);

      ga_donut_chart_set_center_text (GA_DONUT_CHART (self->donut), figure, "tce");
    }
  else
    ga_donut_chart_set_center_text (GA_DONUT_CHART (self->donut), "–", "tce");
}

static void
update_indicators (GaEnergyPage *self)
{
  GaEngine *engine = ga_session_get_engine (self->session);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      Indicator *indicator = &g_array_index (self->indicators, Indicator, i);
      const GaResult *result = ga_engine_get_output_result (engine, indicator->output);
      g_autofree char *text = NULL;

      if (result == NULL)
        continue;
      text = ga_format_value_as (&result->value, indicator->output->format,
                                 indicator->output->unit);
      gtk_label_set_text (GTK_LABEL (indicator->value), text);
      if (indicator->bar != NULL)
        gtk_level_bar_set_value (GTK_LEVEL_BAR (indicator->bar),
                                 result->value.kind == GA_VALUE_NUMBER
                                   ? CLAMP (result->value.u.number, 0, 100) : 0);
    }
}

static void
update_grid (GaEnergyPage *self)
{
  GaTemplate *tmpl = ga_session_get_template (self->session);
  GaItem *factor = ga_template_find_item (tmpl, GRID_FACTOR);

  self->updating = TRUE;
  for (guint i = 0; i < self->combos->len; i++)
    {
      AdwComboRow *combo = g_ptr_array_index (self->combos, i);
      GaItem *item = g_object_get_data (G_OBJECT (combo), "item");
      const GaAnswer *answer = ga_session_get_answer (self->session, item);
      guint position = 0;

      if (answer != NULL && answer->value.kind == GA_VALUE_TEXT)
        for (guint k = 0; k < item->options->len; k++)
          if (g_strcmp0 (((GaOption *)g_ptr_array_index (item->options, k))->id,
                         answer->value.u.text)
              == 0)
            position = k + 1;
      adw_combo_row_set_selected (combo, position);
    }
  self->updating = FALSE;

  if (factor != NULL)
    {
      const GaResult *result
          = ga_engine_get_item_result (ga_session_get_engine (self->session), factor);
      g_autofree char *text
          = result ? ga_format_value_as (&result->value, factor->format, factor->unit)
                   : g_strdup ("–");

      gtk_label_set_text (GTK_LABEL (self->grid_factor), text);
    }
}

static void
item_changed_cb (GaSession    *session,
                 const char   *item_id,
                 GaEnergyPage *self)
{
  update_grid (self);
  update_donut (self);
  update_indicators (self);
}

static void
combo_selected_cb (AdwComboRow  *combo,
                   GParamSpec   *pspec,
                   GaEnergyPage *self)
{
  GaItem *item = g_object_get_data (G_OBJECT (combo), "item");
  guint position = adw_combo_row_get_selected (combo);
  g_autoptr(GaAnswer) answer = ga_answer_new ();
  g_autoptr(GError) error = NULL;

  if (self->updating || item == NULL)
    return;
  if (position > 0 && position <= item->options->len)
    ga_value_set_text (&answer->value,
                       ((GaOption *)g_ptr_array_index (item->options, position - 1))->id);
  if (!ga_session_set_answer (self->session, item, answer, &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (combo), error->message);
}

/* Shows @item, a choice, in the combo row @row of the grid group; hides
 * the row when the template has no such item. */
static void
setup_choice_row (GaEnergyPage *self,
                  GtkWidget    *row,
                  GaItem       *item)
{
  g_autoptr(GtkStringList) labels = NULL;
  const char *guidance;

  g_object_set_data (G_OBJECT (row), "item", NULL);
  gtk_widget_set_visible (row, item != NULL && item->kind == GA_ITEM_CHOICE);
  if (!gtk_widget_get_visible (row))
    return;

  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("Not chosen"));
  for (guint i = 0; i < item->options->len; i++)
    gtk_string_list_append (
        labels, ga_text_get (&((GaOption *)g_ptr_array_index (item->options, i))->label, NULL));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ga_text_get (&item->title, NULL));
  guidance = ga_text_get (&item->guidance, NULL);
  gtk_widget_set_tooltip_text (row, guidance);
  if (guidance != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    guidance, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_set_data (G_OBJECT (row), "item", item);
  gtk_widget_set_sensitive (row, !ga_session_is_read_only (self->session));
  g_ptr_array_add (self->combos, row);
}

static void
fill_trend (GaEnergyPage *self)
{
  const GaAssessment *current = ga_session_get_assessment (self->session);
  GaStore *store = ga_session_get_store (self->session);
  g_autoptr (GPtrArray) assessments
      = ga_store_list_assessments (store, current->enterprise_id, NULL);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) energy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) co2 = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *ids[] = { "E_per_va", "CO2_per_va" };

  /* Oldest first; one point per year (the newest audit of that year). */
  for (guint i = assessments ? assessments->len : 0; i > 0; i--)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i - 1);
      g_autoptr(GaEngine) engine = NULL;
      double values[2] = { NAN, NAN };
      g_autofree char *year = NULL;

      if (g_strcmp0 (a->kind, "energy-audit") != 0 || a->year <= 0)
        continue;
      engine = a->id == current->id ? ga_engine_ref (ga_session_get_engine (self->session))
                                    : ga_store_load_engine (store, a->id, NULL);
      if (engine == NULL)
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
        {
          const GaResult *result = ga_engine_lookup (engine, ids[k]);

          if (result != NULL && result->value.kind == GA_VALUE_NUMBER)
            values[k] = result->value.u.number;
        }
      year = g_strdup_printf ("%d", a->year);
      if (years->len > 0 && g_strcmp0 (g_ptr_array_index (years, years->len - 1), year) == 0)
        {
          g_array_index (energy, double, energy->len - 1) = values[0];
          g_array_index (co2, double, co2->len - 1) = values[1];
          continue;
        }
      g_ptr_array_add (years, g_steal_pointer (&year));
      g_array_append_val (energy, values[0]);
      g_array_append_val (co2, values[1]);
    }

  ga_trend_chart_set_categories (GA_TREND_CHART (self->trend), (const char **)years->pdata,
                                 years->len);
  ga_trend_chart_add_series (GA_TREND_CHART (self->trend),
                             _("Energy per value added (tce/10⁴ CNY)"), (double *)energy->data,
                             energy->len);
  ga_trend_chart_add_series (GA_TREND_CHART (self->trend), _("CO2 per value added (tCO2/10⁴ CNY)"),
                             (double *)co2->data, co2->len);
}

static void
import_ledger_cb (GaEnergyPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GaLedgerDialog *dialog = ga_ledger_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 self->session);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* A group with the editor of the carrier table @item in a card; the
 * energy table's group offers to import a ledger into it. */
static void
add_table_group (GaEnergyPage *self,
                 GaItem       *item)
{
  GtkWidget *group, *editor, *card;

  group = group_new (ga_text_get (&item->title, NULL), ga_text_get (&item->guidance, NULL));
  if (item == ga_ledger_import_find_target (ga_session_get_template (self->session)))
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Import Ledger…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Fill the table from an energy ledger (XLSX or "
                                             "CSV): a 205-1-style table or a meter export"));
      gtk_widget_set_sensitive (button, !ga_session_is_read_only (self->session));
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (import_ledger_cb), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  editor = ga_table_editor_new (self->session, item, shown_columns);
  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (editor, 12);
  gtk_widget_set_margin_end (editor, 12);
  gtk_widget_set_margin_top (editor, 12);
  gtk_widget_set_margin_bottom (editor, 12);
  gtk_box_append (GTK_BOX (card), editor);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), card);
  gtk_box_append (GTK_BOX (self->tables), group);
}

static void
add_carrier_tables (GaEnergyPage *self,
                    GaTemplate   *tmpl)
{
  GPtrArray *items = ga_template_get_items (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (item->kind == GA_ITEM_TABLE)
        add_table_group (self, item);
    }
  gtk_widget_set_visible (self->tables, gtk_widget_get_first_child (self->tables) != NULL);
}

/* The year and region choices that select the grid factor, and the factor
 * itself; shown when the template asks for the year or the region. */
static void
setup_grid_group (GaEnergyPage *self,
                  GaTemplate   *tmpl)
{
  GaItem *year = ga_template_find_item (tmpl, GRID_YEAR);
  GaItem *region = ga_template_find_item (tmpl, GRID_REGION);
  GaItem *factor = ga_template_find_item (tmpl, GRID_FACTOR);

  gtk_widget_set_visible (self->grid_group, year != NULL || region != NULL);
  /* Giving a combo row its options selects the first one: that is no
   * answer. */
  self->updating = TRUE;
  setup_choice_row (self, self->year_row, year);
  setup_choice_row (self, self->region_row, region);
  self->updating = FALSE;

  gtk_widget_set_visible (self->factor_row, factor != NULL);
  gtk_label_set_text (GTK_LABEL (self->grid_factor), "–");
  if (factor != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->factor_row),
                                     ga_text_get (&factor->title, NULL));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->factor_row),
                                   factor->source ? factor->source : "");
    }
}

/* A row for @output with its value, and a progress bar for the progress
 * against a target. */
static void
add_indicator (GaEnergyPage *self,
               GaOutput     *output)
{
  const char *description = ga_text_get (&output->description, NULL);
  Indicator indicator = { output, adw_action_row_new (), gtk_label_new ("–"), NULL };

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (indicator.row),
                                 ga_text_get (&output->title, NULL));
  if (description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (indicator.row), description);
  gtk_label_set_selectable (GTK_LABEL (indicator.value), TRUE);
  gtk_widget_add_css_class (indicator.value, "ga-score");
  if (g_str_has_prefix (output->id, "prog_"))
    {
      indicator.bar = gtk_level_bar_new_for_interval (0, 100);
      gtk_level_bar_set_mode (GTK_LEVEL_BAR (indicator.bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
      gtk_widget_set_size_request (indicator.bar, 120, -1);
      gtk_widget_set_valign (indicator.bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (indicator.bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ga_text_get (&output->title, NULL), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (indicator.row), indicator.bar);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (indicator.row), indicator.value);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->indicators_group), indicator.row);
  g_array_append_val (self->indicators, indicator);
}

static void
build (GaEnergyPage *self)
{
  GaTemplate *tmpl = ga_session_get_template (self->session);
  GPtrArray *outputs = ga_template_get_outputs (tmpl);

  add_carrier_tables (self, tmpl);
  setup_grid_group (self, tmpl);
  for (guint i = 0; i < outputs->len; i++)
    add_indicator (self, g_ptr_array_index (outputs, i));

  fill_trend (self);
  update_grid (self);
  update_donut (self);
  update_indicators (self);
  gtk_widget_set_visible (self->content, TRUE);
}

/* Takes away what the previous session's template added. */
static void
clear (GaEnergyPage *self)
{
  GtkWidget *child;

  gtk_widget_set_visible (self->content, FALSE);
  while ((child = gtk_widget_get_first_child (self->tables)) != NULL)
    gtk_box_remove (GTK_BOX (self->tables), child);
  for (guint i = 0; i < self->indicators->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->indicators_group),
                                  g_array_index (self->indicators, Indicator, i).row);
  g_array_set_size (self->indicators, 0);
  g_ptr_array_set_size (self->combos, 0);
  ga_donut_chart_clear (GA_DONUT_CHART (self->donut));
  ga_trend_chart_clear (GA_TREND_CHART (self->trend));
}

void
ga_energy_page_set_session (GaEnergyPage *self,
                            GaSession    *session)
{
  g_return_if_fail (GA_IS_ENERGY_PAGE (self));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  clear (self);

  if (session == NULL
      || ga_template_get_kind (ga_session_get_template (session)) != GA_TEMPLATE_KIND_ENERGY_AUDIT)
    return;

  build (self);
  g_signal_connect (session, "item-changed", G_CALLBACK (item_changed_cb), self);
}

static void
ga_energy_page_dispose (GObject *object)
{
  GaEnergyPage *self = GA_ENERGY_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_ENERGY_PAGE);

  G_OBJECT_CLASS (ga_energy_page_parent_class)->dispose (object);
}

static void
ga_energy_page_finalize (GObject *object)
{
  GaEnergyPage *self = GA_ENERGY_PAGE (object);

  g_array_unref (self->indicators);
  g_ptr_array_unref (self->combos);

  G_OBJECT_CLASS (ga_energy_page_parent_class)->finalize (object);
}

static void
ga_energy_page_class_init (GaEnergyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_energy_page_dispose;
  object_class->finalize = ga_energy_page_finalize;

  g_type_ensure (GA_TYPE_DONUT_CHART);
  g_type_ensure (GA_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-energy-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, content);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, tables);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, grid_group);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, factor_row);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, grid_factor);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, donut);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, indicators_group);
  gtk_widget_class_bind_template_child (widget_class, GaEnergyPage, trend);
  gtk_widget_class_bind_template_callback (widget_class, combo_selected_cb);
}

static void
ga_energy_page_init (GaEnergyPage *self)
{
  self->indicators = g_array_new (FALSE, TRUE, sizeof (Indicator));
  self->combos = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
