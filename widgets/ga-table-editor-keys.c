/* ga-table-editor-keys.c: the table editor's keyboard, as in a spreadsheet
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tab and Shift+Tab go to the next and previous cell that can be typed in
 * (on to the next row at the end of one), Enter saves and goes down, the
 * arrows go between cells unless the text of a cell is being edited (typed
 * in or clicked into: Left and Right then move in the text), and Ctrl+V
 * with a block copied from a spreadsheet fills the cells from the one the
 * keyboard is in, adding rows, as one change.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-table-editor-private.h"

GtkWidget *
ga_table_editor_cell_widget (GaTableEditor *self,
                             guint          row,
                             guint          shown_index)
{
  GtkWidget *widget;

  if (shown_index >= self->shown->len || row >= self->n_rows)
    return NULL;
  widget = gtk_grid_get_child_at (GTK_GRID (self->grid), shown_index, row + 1);
  return widget != NULL && g_object_get_data (G_OBJECT (widget), "column") != NULL ? widget : NULL;
}

GtkWidget *
ga_table_editor_focused_cell (GaTableEditor *self,
                              guint         *row,
                              guint         *shown)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int column, line;

  while (focus != NULL && gtk_widget_get_parent (focus) != self->grid)
    focus = gtk_widget_get_parent (focus);
  if (focus == NULL || g_object_get_data (G_OBJECT (focus), "column") == NULL)
    return NULL;
  gtk_grid_query_child (GTK_GRID (self->grid), focus, &column, &line, NULL, NULL);
  *row = line - 1;
  *shown = column;
  return focus;
}

gboolean
ga_table_editor_focus_cell (GaTableEditor *self,
                            guint          row,
                            guint          shown_index)
{
  GtkWidget *widget = ga_table_editor_cell_widget (self, row, shown_index);

  if (widget == NULL || !gtk_widget_grab_focus (widget))
    return FALSE;
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_select_region (GTK_EDITABLE (widget), 0, -1);
  return TRUE;
}

void
ga_table_editor_keep_focus (GaTableEditor *self,
                            KeptFocus     *kept)
{
  GtkWidget *cell = ga_table_editor_focused_cell (self, &kept->row, &kept->shown);

  kept->any = cell != NULL;
  if (cell != NULL && GTK_IS_EDITABLE (cell) && g_object_get_data (G_OBJECT (cell), "dirty"))
    {
      kept->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell)));
      kept->position = gtk_editable_get_position (GTK_EDITABLE (cell));
      kept->editing = g_object_get_data (G_OBJECT (cell), "editing") != NULL;
    }
}

void
ga_table_editor_restore_focus (GaTableEditor *self,
                               KeptFocus     *kept)
{
  GtkWidget *cell = kept->any ? ga_table_editor_cell_widget (self, kept->row, kept->shown) : NULL;
  g_autofree char *text = g_steal_pointer (&kept->text);

  if (cell == NULL)
    return;
  gtk_widget_grab_focus (cell);
  if (text != NULL && GTK_IS_EDITABLE (cell))
    {
      gtk_editable_set_text (GTK_EDITABLE (cell), text);
      gtk_editable_set_position (GTK_EDITABLE (cell), kept->position);
      g_object_set_data (G_OBJECT (cell), "dirty", GINT_TO_POINTER (1));
      g_object_set_data (G_OBJECT (cell), "editing", GINT_TO_POINTER (kept->editing));
    }
}

/* The next cell from (@row, @shown), @dr rows and @ds columns away; along
 * a row (@dr = 0) the search goes on into the next or previous row.
 * Computed columns are passed over. */
static gboolean
move_focus (GaTableEditor *self,
            guint          row,
            guint          shown,
            int            dr,
            int            ds)
{
  int r = row, s = shown;
  int n_shown = self->shown->len;

  for (;;)
    {
      r += dr;
      s += ds;
      if (dr == 0 && s >= n_shown)
        {
          s = 0;
          r++;
        }
      else if (dr == 0 && s < 0)
        {
          s = n_shown - 1;
          r--;
        }
      if (r < 0 || r >= (int) self->n_rows || s < 0 || s >= n_shown)
        return FALSE;
      if (ga_table_editor_focus_cell (self, r, s))
        return TRUE;
    }
}

static gboolean
in_popover (GtkWidget *self)
{
  GtkRoot *root = gtk_widget_get_root (self);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
}

/* Saves the entry the keyboard leaves; FALSE keeps the keyboard there
 * (the model refused what was typed and says why). */
static gboolean
leave_cell (GaTableEditor *self,
            GtkWidget     *cell)
{
  if (!GTK_IS_EDITABLE (cell))
    return TRUE;
  g_object_set_data (G_OBJECT (cell), "editing", NULL);
  return ga_table_editor_commit_entry (self, cell);
}

typedef struct {
  GaTableEditor *self;
  guint          row;
  guint          shown;
} PasteData;

static void
paste_text (GaTableEditor *self,
            guint          row,
            guint          shown,
            const char    *text)
{
  GtkWidget *cell = ga_table_editor_cell_widget (self, row, shown);
  g_autoptr(GError) error = NULL;

  if (cell == NULL || text == NULL)
    return;
  /* One value goes into the text being edited, as any paste does. */
  if (GTK_IS_EDITABLE (cell) && strpbrk (text, "\t\n") == NULL)
    {
      int position;

      gtk_editable_delete_selection (GTK_EDITABLE (cell));
      position = gtk_editable_get_position (GTK_EDITABLE (cell));
      gtk_editable_insert_text (GTK_EDITABLE (cell), text, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (cell), position);
      return;
    }
  /* The block replaces what was being typed in the cell. */
  g_object_set_data (G_OBJECT (cell), "dirty", NULL);
  if (!ga_table_editor_paste (self, row, g_object_get_data (G_OBJECT (cell), "column"), text,
                              &error))
    ga_table_editor_show_message (self, error->message);
  else
    ga_table_editor_focus_cell (self, row, shown);
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result,
                                                          &error);

  if (text != NULL && gtk_widget_get_root (GTK_WIDGET (data->self)) != NULL)
    paste_text (data->self, data->row, data->shown, text);
  g_object_unref (data->self);
  g_free (data);
}

static void
paste_clipboard (GaTableEditor *self,
                 guint          row,
                 guint          shown)
{
  PasteData *data = g_new0 (PasteData, 1);

  data->self = g_object_ref (self);
  data->row = row;
  data->shown = shown;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                                 clipboard_text_cb, data);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GaTableEditor         *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean editing;
  GtkWidget *cell;
  guint row, shown;

  cell = ga_table_editor_focused_cell (self, &row, &shown);
  if (cell == NULL || in_popover (GTK_WIDGET (self)))
    return FALSE;
  editing = GTK_IS_EDITABLE (cell) && g_object_get_data (G_OBJECT (cell), "editing") != NULL;

  if ((keyval == GDK_KEY_v && mods == GDK_CONTROL_MASK)
      || (keyval == GDK_KEY_Insert && mods == GDK_SHIFT_MASK))
    {
      paste_clipboard (self, row, shown);
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if ((mods & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      if (!leave_cell (self, cell))
        return TRUE;
      /* Past the last cell the keyboard goes on to the buttons. */
      return move_focus (self, row, shown, 0, mods == GDK_SHIFT_MASK ? -1 : 1);
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Enter on a drop-down opens it. */
      if (mods != 0 || !GTK_IS_EDITABLE (cell))
        return FALSE;
      if (leave_cell (self, cell) && !move_focus (self, row, shown, 1, 0))
        ga_table_editor_focus_cell (self, row, shown);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Up:
    case GDK_KEY_KP_Down:
      if (mods != 0)
        return FALSE;
      if (leave_cell (self, cell))
        move_focus (self, row, shown,
                    keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1, 0);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Right:
      if (mods != 0 || editing)
        return FALSE;
      if (leave_cell (self, cell))
        {
          int ds = keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1;
          int s = (int) shown + ds;

          /* Along the row only: the next cell that can be typed in. */
          while (s >= 0 && s < (int) self->shown->len && !ga_table_editor_focus_cell (self, row, s))
            s += ds;
        }
      return TRUE;
    case GDK_KEY_F2:
      if (GTK_IS_EDITABLE (cell))
        {
          g_object_set_data (G_OBJECT (cell), "editing", GINT_TO_POINTER (1));
          gtk_editable_set_position (GTK_EDITABLE (cell), -1);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

void
ga_table_editor_init_keys (GaTableEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  /* Before the entries: Tab, Enter and the arrows are the grid's. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->grid, keys);
}

static void
entry_changed_cb (GtkEditable   *editable,
                  GaTableEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editable));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (!self->updating && focus != NULL
      && (focus == GTK_WIDGET (editable) || gtk_widget_is_ancestor (focus, GTK_WIDGET (editable))))
    g_object_set_data (G_OBJECT (editable), "editing", GINT_TO_POINTER (1));
}

static void
entry_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  g_object_set_data (G_OBJECT (entry), "editing", GINT_TO_POINTER (1));
}

void
ga_table_editor_track_entry (GaTableEditor *self,
                             GtkWidget     *entry)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (entry_pressed_cb), NULL);
  gtk_widget_add_controller (entry, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
}

/* The shown columns that can be typed in, from @first on. */
static GPtrArray *
input_columns_from (GaTableEditor *self,
                    const char    *first)
{
  GPtrArray *columns = g_ptr_array_new ();
  gboolean started = FALSE;

  for (guint s = 0; s < self->shown->len; s++)
    {
      GaColumn *column = ga_table_editor_column_at (self, s);

      started = started || g_strcmp0 (column->id, first) == 0;
      if (started && column->kind != GA_ITEM_COMPUTED)
        g_ptr_array_add (columns, column);
    }
  return columns;
}

/* Sets one pasted cell of @object (row @row); a choice is taken by its id
 * or its label, as the drop-down shows it. */
static gboolean
paste_cell (GaTableEditor  *self,
            guint           row,
            GaColumn       *column,
            const char     *text,
            JsonObject     *object,
            GError        **error)
{
  g_autofree char *key = NULL;
  GaValue value = GA_VALUE_INIT;
  gboolean ok;

  if (column->kind == GA_ITEM_CHOICE)
    key = ga_table_editor_choice_key (self, column, NULL, text);
  ok = ga_answer_parse_cell_text (key != NULL ? key : text, self->item, row, column, &value,
                                  error);
  if (ok && value.kind == GA_VALUE_BLANK)
    json_object_remove_member (object, column->id);
  else if (ok)
    json_object_set_member (object, column->id, ga_value_to_json (&value));
  ga_value_clear (&value);
  return ok;
}

gboolean
ga_table_editor_paste (GaTableEditor  *self,
                       guint           row,
                       const char     *column_id,
                       const char     *text,
                       GError        **error)
{
  g_autoptr(GPtrArray) block = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(JsonArray) rows = NULL;
  const GaColumn *units;
  guint left_out = 0;

  g_return_val_if_fail (GA_IS_TABLE_EDITOR (self), FALSE);

  block = ga_answer_split_block (text);
  columns = input_columns_from (self, column_id);
  if (block->len == 0 || columns->len == 0)
    return TRUE;
  units = ga_item_find_units_column (self->item);
  rows = ga_table_editor_rows_json (self);
  for (guint i = 0; i < block->len; i++)
    {
      char **cells = g_ptr_array_index (block, i);
      gboolean unit_pasted = FALSE;
      JsonObject *object;

      while (json_array_get_length (rows) <= row + i)
        json_array_add_object_element (rows, json_object_new ());
      object = json_array_get_object_element (rows, row + i);
      for (guint j = 0; cells[j] != NULL; j++)
        {
          GaColumn *column = j < columns->len ? g_ptr_array_index (columns, j) : NULL;

          if (column == NULL)
            {
              left_out += cells[j][0] != '\0';
              continue;
            }
          if (!paste_cell (self, row + i, column, cells[j], object, error))
            return FALSE;
          unit_pasted = unit_pasted || column == units;
        }
      /* A pasted carrier without its unit starts in its default unit. */
      for (guint j = 0; !unit_pasted && cells[j] != NULL && j < columns->len; j++)
        ga_table_editor_keep_unit (self, g_ptr_array_index (columns, j), object);
    }
  /* Saved as one change: the grid is made again with the new rows. */
  if (!ga_table_editor_save_rows (self, rows, error))
    return FALSE;
  if (left_out > 0)
    {
      g_autofree char *message = g_strdup_printf (
          ngettext ("%u pasted cell was right of the table's last column and was left out.",
                    "%u pasted cells were right of the table's last column and were left out.",
                    left_out),
          left_out);

      ga_table_editor_show_message (self, message);
    }
  return TRUE;
}
