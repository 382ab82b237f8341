/* ga-table-editor.c: the rows of a table item, with live computed columns
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits go through the answer's JSON form (ga_answer_to_json() /
 * ga_answer_from_json()), so a table is changed and validated exactly like
 * an answers file: one cell edit is one saved change of the whole table.
 * A typed cell is read by the model (ga_answer_parse_cell_text()), whose
 * message names the item, the row and the column.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-table-editor-private.h"

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ITEM,
  PROP_COLUMNS,
  PROP_N_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GaTableEditor, ga_table_editor, GTK_TYPE_WIDGET)

GaColumn *
ga_table_editor_column_at (GaTableEditor *self,
                           guint          shown_index)
{
  return g_ptr_array_index (self->item->columns, g_array_index (self->shown, guint, shown_index));
}

/* Totals make sense for amounts (tce, tCO2, kWh), not for ratios,
 * coefficients or shares. */
static gboolean
column_has_total (const GaColumn *column)
{
  return column->kind == GA_ITEM_COMPUTED && column->unit != NULL && column->unit[0] != '\0'
         && strchr (column->unit, '/') == NULL && strchr (column->unit, '%') == NULL;
}

/* The current rows as a JSON array (a new reference). */
JsonArray *
ga_table_editor_rows_json (GaTableEditor *self)
{
  const GaAnswer *answer = ga_session_get_answer (self->session, self->item);
  g_autoptr(JsonNode) node = NULL;

  if (answer == NULL || answer->rows == NULL)
    return json_array_new ();
  node = ga_answer_to_json (answer, self->item);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_ref (json_node_get_array (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *value = json_object_get_member (json_node_get_object (node), "value");

      if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
        return json_array_ref (json_node_get_array (value));
    }
  return json_array_new ();
}

gboolean
ga_table_editor_save_rows (GaTableEditor  *self,
                           JsonArray      *rows,
                           GError        **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(GaAnswer) answer = NULL;
  const GaAnswer *current = ga_session_get_answer (self->session, self->item);

  json_node_set_array (node, rows);
  answer = ga_answer_from_json (node, self->item, error);
  if (answer == NULL)
    return FALSE;
  if (current != NULL && current->note != NULL)
    answer->note = g_strdup (current->note);
  return ga_session_set_answer (self->session, self->item, answer, error);
}

void
ga_table_editor_show_message (GaTableEditor *self,
                              const char    *text)
{
  gtk_label_set_text (GTK_LABEL (self->message), text ? text : "");
  gtk_widget_set_visible (self->message, text != NULL);
}

/* A row whose carrier (@column) was just chosen keeps its unit when the
 * carrier takes it, and otherwise starts with the carrier's default unit
 * (t, 万kWh …): the quantity typed stays as it is. */
void
ga_table_editor_keep_unit (GaTableEditor  *self,
                           const GaColumn *column,
                           JsonObject     *object)
{
  const GaColumn *units = ga_item_find_units_column (self->item);
  const GaColumn *carrier_column;
  const GaCarrierUnits *cu;
  const char *unit;

  if (units == NULL)
    return;
  carrier_column = g_ptr_array_index (self->item->columns, units->units_of_column);
  if (carrier_column != column)
    return;
  cu = json_object_has_member (object, column->id)
       ? ga_column_get_carrier_units (units, json_object_get_string_member (object, column->id))
       : NULL;
  if (cu == NULL)
    return;
  unit = json_object_has_member (object, units->id)
         ? json_object_get_string_member (object, units->id) : NULL;
  for (guint i = 0; unit != NULL && i < cu->allowed->len; i++)
    if (g_strcmp0 (cu->allowed->pdata[i], unit) == 0)
      return;
  json_object_set_string_member (object, units->id, cu->default_unit);
}

gboolean
ga_table_editor_set_cell (GaTableEditor  *self,
                          guint           row,
                          const char     *column_id,
                          const char     *text,
                          GError        **error)
{
  g_autoptr(JsonArray) rows = NULL;
  GaValue value = GA_VALUE_INIT;
  GaColumn *column = NULL;
  JsonObject *object;

  g_return_val_if_fail (GA_IS_TABLE_EDITOR (self), FALSE);

  for (guint c = 0; c < self->item->columns->len; c++)
    if (g_strcmp0 (((GaColumn *) g_ptr_array_index (self->item->columns, c))->id, column_id) == 0)
      column = g_ptr_array_index (self->item->columns, c);
  if (column == NULL || column->kind == GA_ITEM_COMPUTED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The table has no column “%s” that can be typed in."), column_id);
      return FALSE;
    }

  rows = ga_table_editor_rows_json (self);
  while (json_array_get_length (rows) <= row)
    json_array_add_object_element (rows, json_object_new ());
  object = json_array_get_object_element (rows, row);

  /* The model reads the cell as the answers file and greenassess-cli
   * would, with its message (naming the item, row and column) when the
   * column does not take it. */
  if (!ga_answer_parse_cell_text (text != NULL ? text : "", self->item, row, column, &value,
                                  error))
    {
      ga_value_clear (&value);
      return FALSE;
    }
  if (value.kind == GA_VALUE_BLANK)
    json_object_remove_member (object, column_id);
  else
    json_object_set_member (object, column_id, ga_value_to_json (&value));
  ga_value_clear (&value);
  ga_table_editor_keep_unit (self, column, object);

  return ga_table_editor_save_rows (self, rows, error);
}

gboolean
ga_table_editor_add_row (GaTableEditor  *self,
                         GError        **error)
{
  g_autoptr(JsonArray) rows = NULL;

  g_return_val_if_fail (GA_IS_TABLE_EDITOR (self), FALSE);

  rows = ga_table_editor_rows_json (self);
  json_array_add_object_element (rows, json_object_new ());
  return ga_table_editor_save_rows (self, rows, error);
}

static void
remove_row_clicked_cb (GtkButton     *button,
                       GaTableEditor *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row"));
  g_autoptr(JsonArray) rows = ga_table_editor_rows_json (self);
  g_autoptr(JsonArray) kept = json_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (i != row)
      json_array_add_element (kept, json_node_copy (json_array_get_element (rows, i)));
  if (!ga_table_editor_save_rows (self, kept, &error))
    ga_table_editor_show_message (self, error->message);
}

static void
add_row_clicked_cb (GtkButton     *button,
                    GaTableEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!ga_table_editor_add_row (self, &error))
    {
      ga_table_editor_show_message (self, error->message);
      return;
    }
  /* The keyboard goes on in the new row's first cell. */
  for (guint s = 0; s < self->shown->len; s++)
    if (ga_table_editor_focus_cell (self, self->n_rows - 1, s))
      break;
}

gboolean
ga_table_editor_commit_entry (GaTableEditor *self,
                              GtkWidget     *entry)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "row"));
  const char *column = g_object_get_data (G_OBJECT (entry), "column");
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->updating || !g_object_get_data (G_OBJECT (entry), "dirty"))
    return !gtk_widget_has_css_class (entry, "error");
  g_object_set_data (G_OBJECT (entry), "dirty", NULL);
  /* The grid stays as it is while its own cell is saved: the editors (and
   * the one the keyboard is moving to) are not made again. */
  self->own_change = TRUE;
  saved = ga_table_editor_set_cell (self, row, column,
                                    gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  self->own_change = FALSE;
  if (!saved)
    {
      g_autofree char *description = g_strdup (error->message);

      ga_table_editor_show_message (self, error->message);
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      /* What was typed stays in the entry to be corrected. */
      g_object_set_data (G_OBJECT (entry), "dirty", GINT_TO_POINTER (1));
      return FALSE;
    }
  ga_table_editor_show_message (self, NULL);
  gtk_widget_remove_css_class (entry, "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  return TRUE;
}

static void
cell_entry_activate_cb (GtkWidget     *entry,
                        GaTableEditor *self)
{
  ga_table_editor_commit_entry (self, entry);
}

static void
cell_entry_changed_cb (GtkEditable   *editable,
                       GaTableEditor *self)
{
  if (!self->updating)
    g_object_set_data (G_OBJECT (editable), "dirty", GINT_TO_POINTER (1));
}

static void
cell_focus_leave_cb (GtkEventControllerFocus *controller,
                     GaTableEditor           *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_object_set_data (G_OBJECT (entry), "editing", NULL);
  ga_table_editor_commit_entry (self, entry);
}

static void rebuild (GaTableEditor *self);

static gboolean
rebuild_idle_cb (gpointer data)
{
  GaTableEditor *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
cell_dropdown_cb (GtkDropDown   *dropdown,
                  GParamSpec    *pspec,
                  GaTableEditor *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "row"));
  const char *column = g_object_get_data (G_OBJECT (dropdown), "column");
  GPtrArray *keys = g_object_get_data (G_OBJECT (dropdown), "keys");
  guint position = gtk_drop_down_get_selected (dropdown);
  const GaColumn *units = ga_item_find_units_column (self->item);
  g_autoptr(GError) error = NULL;
  gboolean changes_units;
  gboolean saved;

  if (self->updating)
    return;
  changes_units = units != NULL
                  && g_strcmp0 (((GaColumn *) g_ptr_array_index (
                                    self->item->columns, units->units_of_column))->id,
                                column) == 0;
  self->choosing = TRUE;
  saved = ga_table_editor_set_cell (
      self, row, column,
      position > 0 && position <= keys->len ? g_ptr_array_index (keys, position - 1) : "",
      &error);
  self->choosing = FALSE;
  ga_table_editor_show_message (self, saved ? NULL : error->message);
  /* A new carrier offers other units (and may have given the row its
   * default unit): the row's editors are made again, once this drop-down
   * has finished with its own signal. */
  if (saved && changes_units && self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_idle_cb, self);
}

/* Option ids and labels of a choice column: its own options, or the keys
 * of the lookup table it names. */
/* The units the carrier of @row takes, labelled as the units table
 * labels them; FALSE when @column is not a unit or the row has no carrier. */
static gboolean
unit_options (GaTableEditor *self,
              GaColumn      *column,
              const GaRow   *row,
              GPtrArray     *keys,
              GtkStringList *labels)
{
  const GaValue *carrier;
  const GaCarrierUnits *cu;

  if (column->units_of_column < 0 || row == NULL
      || (guint) column->units_of_column >= row->n_cells)
    return FALSE;
  carrier = &row->cells[column->units_of_column];
  cu = carrier->kind == GA_VALUE_TEXT ? ga_column_get_carrier_units (column, carrier->u.text)
                                      : NULL;
  if (cu == NULL)
    return FALSE;
  for (guint i = 0; i < cu->allowed->len; i++)
    for (guint k = 0; k < column->options->len; k++)
      {
        GaOption *option = g_ptr_array_index (column->options, k);

        if (g_strcmp0 (option->id, cu->allowed->pdata[i]) != 0)
          continue;
        g_ptr_array_add (keys, g_strdup (option->id));
        gtk_string_list_append (labels, ga_text_get (&option->label, NULL));
      }
  return TRUE;
}

static void
column_options (GaTableEditor *self,
                GaColumn      *column,
                const GaRow   *cells,
                GPtrArray     *keys,
                GtkStringList *labels)
{
  if (unit_options (self, column, cells, keys, labels))
    return;
  if (column->options != NULL && column->options->len > 0)
    {
      for (guint i = 0; i < column->options->len; i++)
        {
          GaOption *option = g_ptr_array_index (column->options, i);

          g_ptr_array_add (keys, g_strdup (option->id));
          gtk_string_list_append (labels, ga_text_get (&option->label, NULL));
        }
      return;
    }
  if (column->options_table != NULL)
    {
      GaLookupTable *table = ga_template_find_table (ga_session_get_template (self->session),
                                                     column->options_table);

      for (guint i = 0; table != NULL && i < table->rows->len; i++)
        {
          GaTableRow *row = g_ptr_array_index (table->rows, i);
          const char *label = ga_text_get (&row->label, NULL);

          g_ptr_array_add (keys, g_strdup (row->key));
          gtk_string_list_append (labels, label ? label : row->key);
        }
    }
}

char *
ga_table_editor_choice_key (GaTableEditor *self,
                            GaColumn      *column,
                            const GaRow   *row,
                            const char    *text)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *wanted = g_strstrip (g_strdup (text != NULL ? text : ""));

  column_options (self, column, row, keys, labels);
  for (guint i = 0; i < keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (keys, i), wanted) == 0
        || g_strcmp0 (gtk_string_list_get_string (labels, i), wanted) == 0)
      return g_strdup (g_ptr_array_index (keys, i));
  return NULL;
}

static GtkWidget *
make_cell_editor (GaTableEditor *self,
                  GaColumn      *column,
                  guint          row,
                  const GaRow   *cells,
                  const GaValue *value)
{
  const char *title = ga_text_get (&column->title, NULL);
  g_autofree char *name = g_strdup_printf (_("%s, row %u"), title, row + 1);
  GtkWidget *widget;

  if (column->kind == GA_ITEM_CHOICE)
    {
      GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      g_autoptr(GtkExpression) expression = NULL;
      guint selected = 0;

      gtk_string_list_append (labels, "—");
      column_options (self, column, cells, keys, labels);
      if (value != NULL && value->kind == GA_VALUE_TEXT)
        for (guint i = 0; i < keys->len; i++)
          if (g_strcmp0 (g_ptr_array_index (keys, i), value->u.text) == 0)
            selected = i + 1;
      widget = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
      gtk_drop_down_set_expression (GTK_DROP_DOWN (widget), expression);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (widget), keys->len > 10);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (widget), selected);
      g_object_set_data_full (G_OBJECT (widget), "keys", keys, (GDestroyNotify) g_ptr_array_unref);
      g_signal_connect (widget, "notify::selected", G_CALLBACK (cell_dropdown_cb), self);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char *text = NULL;

      widget = gtk_entry_new ();
      if (value != NULL && value->kind == GA_VALUE_NUMBER)
        text = ga_format_number (value->u.number, 6);
      else if (value != NULL && value->kind == GA_VALUE_TEXT)
        text = g_strdup (value->u.text);
      else if (value != NULL && value->kind == GA_VALUE_BOOLEAN)
        text = g_strdup (value->u.boolean ? "true" : "false");
      gtk_editable_set_text (GTK_EDITABLE (widget), text ? text : "");
      gtk_editable_set_width_chars (GTK_EDITABLE (widget),
                                    column->kind == GA_ITEM_NUMBER ? 10 : 14);
      if (column->kind == GA_ITEM_NUMBER)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_NUMBER);
          gtk_entry_set_alignment (GTK_ENTRY (widget), 1.0);
        }
      if (column->kind == GA_ITEM_DATE)
        gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("YYYY-MM-DD"));
      g_signal_connect (widget, "changed", G_CALLBACK (cell_entry_changed_cb), self);
      g_signal_connect (widget, "activate", G_CALLBACK (cell_entry_activate_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (cell_focus_leave_cb), self);
      gtk_widget_add_controller (widget, focus);
      ga_table_editor_track_entry (self, widget);
    }
  g_object_set_data (G_OBJECT (widget), "row", GUINT_TO_POINTER (row));
  g_object_set_data_full (G_OBJECT (widget), "column", g_strdup (column->id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The button inside a drop-down is what takes the keyboard: it carries
   * the cell's name too, not just "toggle button". */
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (widget)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (widget)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_sensitive (widget, !ga_session_is_read_only (self->session));
  return widget;
}

/* The label the units table gives the unit @id ("10⁴ kWh" for 万kWh in
 * English), or @id itself. */
static const char *
unit_label (GaTableEditor *self,
            const char    *id)
{
  const GaColumn *units = ga_item_find_units_column (self->item);

  for (guint i = 0; units != NULL && units->options != NULL && i < units->options->len; i++)
    {
      GaOption *option = g_ptr_array_index (units->options, i);

      if (g_strcmp0 (option->id, id) == 0)
        return ga_text_get (&option->label, NULL);
    }
  return id;
}

/* A computed number as the grid shows it. Coefficients (units per unit)
 * keep their 4 decimals; amounts and shares are read to 2. A coefficient
 * "per unit" whose row names that unit (the column "<id>_unit", as
 * coef_unit does for coef) shows it: "1229.0000 kgce/10⁴ kWh". */
static char *
computed_number_text (GaTableEditor  *self,
                      const GaColumn *column,
                      guint           row,
                      double          number)
{
  const char *slash = column->unit != NULL ? strchr (column->unit, '/') : NULL;
  g_autofree char *text = ga_format_number (number, slash != NULL ? 4 : 2);
  g_autofree char *unit_id = NULL;

  if (slash == NULL || g_strcmp0 (slash, "/unit") != 0)
    return g_steal_pointer (&text);
  unit_id = g_strconcat (column->id, "_unit", NULL);
  for (guint c = 0; c < self->item->columns->len; c++)
    {
      GaColumn *per = g_ptr_array_index (self->item->columns, c);
      const GaValue *value;

      if (g_strcmp0 (per->id, unit_id) != 0)
        continue;
      value = ga_engine_get_cell (ga_session_get_engine (self->session), self->item, row, c);
      if (value != NULL && value->kind == GA_VALUE_TEXT && value->u.text[0] != '\0')
        return g_strdup_printf ("%s %.*s/%s", text, (int) (slash - column->unit), column->unit,
                                unit_label (self, value->u.text));
    }
  return g_steal_pointer (&text);
}

/* A column's heading: its title, with its unit on a second line (the
 * title's own bracket, or the column's unit when the title has none), so
 * that headings are shown in full without making columns wide. */
static char *
column_heading (const GaColumn *column)
{
  const char *title = ga_text_get (&column->title, NULL);
  const char *open = title != NULL ? strstr (title, " (") : NULL;

  if (title == NULL)
    return g_strdup ("");
  if (open != NULL)
    return g_strdup_printf ("%.*s\n%s", (int) (open - title), title, open + 1);
  if (column->unit != NULL && column->unit[0] != '\0' && strchr (title, '(') == NULL)
    return g_strdup_printf ("%s\n(%s)", title, column->unit);
  return g_strdup (title);
}

static void
attach_headings (GaTableEditor *self)
{
  for (guint s = 0; s < self->shown->len; s++)
    {
      GaColumn *column = ga_table_editor_column_at (self, s);
      g_autofree char *heading = column_heading (column);
      GtkWidget *label = gtk_label_new (heading);

      /* Never cut: the grid scrolls sideways instead. */
      gtk_label_set_xalign (GTK_LABEL (label), column->kind == GA_ITEM_COMPUTED ? 1.0 : 0.0);
      gtk_label_set_justify (GTK_LABEL (label), column->kind == GA_ITEM_COMPUTED
                                                    ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, s, 0, 1, 1);
    }
}

static void
fill_computed (GaTableEditor *self)
{
  GaEngine *engine = ga_session_get_engine (self->session);
  guint k = 0;

  for (guint r = 0; r < self->n_rows; r++)
    for (guint s = 0; s < self->shown->len; s++)
      {
        GaColumn *column = ga_table_editor_column_at (self, s);
        const GaValue *value;
        g_autofree char *text = NULL;

        if (column->kind != GA_ITEM_COMPUTED)
          continue;
        value = ga_engine_get_cell (engine, self->item, r, g_array_index (self->shown, guint, s));
        /* Coefficients (units per unit) keep their 4 decimals; amounts and
         * shares are read to 2. */
        if (value != NULL && value->kind == GA_VALUE_NUMBER)
          text = computed_number_text (self, column, r, value->u.number);
        else
          text = value ? ga_format_value (value, NULL) : g_strdup ("–");
        if (k < self->computed->len)
          gtk_label_set_text (g_ptr_array_index (self->computed, k), text);
        k++;
      }

  for (guint s = 0; s < self->shown->len; s++)
    {
      GtkWidget *label = g_ptr_array_index (self->totals, s);
      double sum = 0;
      gboolean any = FALSE;
      g_autofree char *text = NULL;

      if (label == NULL)
        continue;
      for (guint r = 0; r < self->n_rows; r++)
        {
          const GaValue *value
              = ga_engine_get_cell (engine, self->item, r, g_array_index (self->shown, guint, s));

          if (value != NULL && value->kind == GA_VALUE_NUMBER)
            {
              sum += value->u.number;
              any = TRUE;
            }
        }
      text = any ? ga_format_number (sum, 2) : g_strdup ("–");
      gtk_label_set_text (GTK_LABEL (label), text);
    }
}

static void
rebuild (GaTableEditor *self)
{
  GaEngine *engine = ga_session_get_engine (self->session);
  const GaAnswer *answer = ga_session_get_answer (self->session, self->item);
  guint answer_rows = answer && answer->rows ? answer->rows->len : 0;
  guint n_rows = MAX (answer_rows, ga_engine_get_n_rows (engine, self->item));
  gboolean has_totals = FALSE;
  KeptFocus kept = { 0 };
  GtkWidget *child;
  guint col;

  ga_table_editor_keep_focus (self, &kept);
  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->computed, 0);
  g_ptr_array_set_size (self->totals, 0);
  if (self->n_rows != n_rows)
    {
      self->n_rows = n_rows;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
    }

  attach_headings (self);

  for (guint r = 0; r < n_rows; r++)
    {
      GaRow *row = answer && answer->rows && r < answer->rows->len
                       ? g_ptr_array_index (answer->rows, r)
                       : NULL;
      GtkWidget *remove;

      for (guint s = 0; s < self->shown->len; s++)
        {
          GaColumn *column = ga_table_editor_column_at (self, s);
          GtkWidget *widget;

          col = g_array_index (self->shown, guint, s);
          if (column->kind == GA_ITEM_COMPUTED)
            {
              widget = gtk_label_new ("–");
              gtk_label_set_xalign (GTK_LABEL (widget), 1.0);
              gtk_label_set_selectable (GTK_LABEL (widget), TRUE);
              gtk_widget_add_css_class (widget, "ga-score");
              g_ptr_array_add (self->computed, widget);
            }
          else
            widget = make_cell_editor (self, column, r, row,
                                       row && col < row->n_cells ? &row->cells[col] : NULL);
          gtk_grid_attach (GTK_GRID (self->grid), widget, s, r + 1, 1, 1);
        }
      remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this row"));
      {
        g_autofree char *name = g_strdup_printf (_("Remove row %u"), r + 1);

        gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      }
      g_object_set_data (G_OBJECT (remove), "row", GUINT_TO_POINTER (r));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_row_clicked_cb), self);
      gtk_widget_set_sensitive (remove, !ga_session_is_read_only (self->session));
      gtk_grid_attach (GTK_GRID (self->grid), remove, self->shown->len, r + 1, 1, 1);
    }

  for (guint s = 0; s < self->shown->len; s++)
    {
      GtkWidget *label = NULL;

      if (column_has_total (ga_table_editor_column_at (self, s)))
        {
          label = gtk_label_new ("–");
          gtk_label_set_xalign (GTK_LABEL (label), 1.0);
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_add_css_class (label, "ga-score");
          gtk_grid_attach (GTK_GRID (self->grid), label, s, n_rows + 1, 1, 1);
          has_totals = TRUE;
        }
      g_ptr_array_add (self->totals, label);
    }
  if (has_totals)
    {
      GtkWidget *label = gtk_label_new (_("Total"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, 0, n_rows + 1, 1, 1);
    }

  gtk_widget_set_sensitive (self->add_button, !ga_session_is_read_only (self->session));
  fill_computed (self);
  self->updating = FALSE;
  ga_table_editor_restore_focus (self, &kept);
}

void
ga_table_editor_refresh (GaTableEditor *self)
{
  GaEngine *engine;
  const GaAnswer *answer;
  guint n;

  g_return_if_fail (GA_IS_TABLE_EDITOR (self));

  engine = ga_session_get_engine (self->session);
  answer = ga_session_get_answer (self->session, self->item);
  n = MAX (answer && answer->rows ? answer->rows->len : 0,
           ga_engine_get_n_rows (engine, self->item));
  /* Cells being typed in are not rebuilt on every change elsewhere; only a
   * different number of rows needs new editors. */
  if (n != self->n_rows)
    rebuild (self);
  else
    fill_computed (self);
}

static void
item_changed_cb (GaSession     *session,
                 const char    *item_id,
                 GaTableEditor *self)
{
  /* Any answer can feed a computed column (the grid factor feeds CO2), so
   * every change refreshes the computed cells. A change of this table made
   * elsewhere (undo, redo) also redraws the typed cells, keeping the cell
   * the keyboard is in and what is being typed there. A cell saving what
   * was typed into it leaves the grid as it is. */
  if (self->choosing)
    fill_computed (self);
  else if (g_strcmp0 (item_id, self->item->id) == 0 && !self->own_change)
    rebuild (self);
  else
    ga_table_editor_refresh (self);
}

guint
ga_table_editor_get_n_rows (GaTableEditor *self)
{
  g_return_val_if_fail (GA_IS_TABLE_EDITOR (self), 0);

  return self->n_rows;
}

static void
ga_table_editor_constructed (GObject *object)
{
  GaTableEditor *self = GA_TABLE_EDITOR (object);

  G_OBJECT_CLASS (ga_table_editor_parent_class)->constructed (object);

  g_return_if_fail (GA_IS_SESSION (self->session));
  g_return_if_fail (self->item != NULL && self->item->kind == GA_ITEM_TABLE);

  for (guint c = 0; c < self->item->columns->len; c++)
    {
      GaColumn *column = g_ptr_array_index (self->item->columns, c);

      if (self->columns == NULL || column->kind != GA_ITEM_COMPUTED
          || g_strv_contains ((const char * const *) self->columns, column->id))
        g_array_append_val (self->shown, c);
    }
  g_signal_connect_object (self->session, "item-changed", G_CALLBACK (item_changed_cb), self, 0);
  rebuild (self);
}

static void
ga_table_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GaTableEditor *self = GA_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ITEM:
      g_value_set_pointer (value, self->item);
      break;
    case PROP_COLUMNS:
      g_value_set_boxed (value, self->columns);
      break;
    case PROP_N_ROWS:
      g_value_set_uint (value, self->n_rows);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_table_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GaTableEditor *self = GA_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ITEM:
      self->item = g_value_get_pointer (value);
      break;
    case PROP_COLUMNS:
      self->columns = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ga_table_editor_dispose (GObject *object)
{
  GaTableEditor *self = GA_TABLE_EDITOR (object);
  GtkWidget *child;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_TABLE_EDITOR);
  /* Children without an id in the template are left to unparent here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ga_table_editor_parent_class)->dispose (object);
}

static void
ga_table_editor_finalize (GObject *object)
{
  GaTableEditor *self = GA_TABLE_EDITOR (object);

  g_array_unref (self->shown);
  g_ptr_array_unref (self->computed);
  g_ptr_array_unref (self->totals);
  g_strfreev (self->columns);

  G_OBJECT_CLASS (ga_table_editor_parent_class)->finalize (object);
}

static void
ga_table_editor_class_init (GaTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ga_table_editor_constructed;
  object_class->dispose = ga_table_editor_dispose;
  object_class->finalize = ga_table_editor_finalize;
  object_class->get_property = ga_table_editor_get_property;
  object_class->set_property = ga_table_editor_set_property;

  /**
   * GaTableEditor:session:
   *
   * The session whose answer the editor changes, set once.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, GA_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * GaTableEditor:item:
   *
   * The table item (a GaItem* of the session's template), set once.
   */
  properties[PROP_ITEM] =
    g_param_spec_pointer ("item", NULL, NULL,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                          | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * GaTableEditor:columns:
   *
   * Ids of the computed columns to show (input columns are always shown);
   * NULL shows every column.
   */
  properties[PROP_COLUMNS] =
    g_param_spec_boxed ("columns", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                        | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * GaTableEditor:n-rows:
   *
   * The number of rows the grid shows.
   */
  properties[PROP_N_ROWS] =
    g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/greenassess/GreenAssess/ui/ga-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, GaTableEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, GaTableEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, GaTableEditor, hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, GaTableEditor, message);
  gtk_widget_class_bind_template_child (widget_class, GaTableEditor, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_row_clicked_cb);
  gtk_widget_class_set_css_name (widget_class, "tableeditor");
}

/* The scrollbar is shown when the grid is wider than its view. */
static void
hadjustment_changed_cb (GtkAdjustment *adjustment,
                        GaTableEditor *self)
{
  gtk_widget_set_visible (self->hscrollbar, gtk_adjustment_get_upper (adjustment)
                                                > gtk_adjustment_get_page_size (adjustment) + 0.5);
}

static void
ga_table_editor_init (GaTableEditor *self)
{
  GtkAdjustment *hadjustment;

  gtk_widget_init_template (GTK_WIDGET (self));
  ga_table_editor_init_keys (self);
  hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_scrollbar_set_adjustment (GTK_SCROLLBAR (self->hscrollbar), hadjustment);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (hadjustment_changed_cb), self, 0);

  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->computed = g_ptr_array_new ();
  self->totals = g_ptr_array_new ();
}

GtkWidget *
ga_table_editor_new (GaSession          *session,
                     GaItem             *item,
                     const char * const *columns)
{
  g_return_val_if_fail (GA_IS_SESSION (session), NULL);
  g_return_val_if_fail (item != NULL && item->kind == GA_ITEM_TABLE, NULL);

  return g_object_new (GA_TYPE_TABLE_EDITOR, "session", session, "item", item, "columns", columns,
                       NULL);
}
