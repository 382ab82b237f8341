/* ga-ledger-dialog.c: import an energy or water ledger into the energy
 * table or the water-balance table
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything it decides comes from the ledger import service
 * (assessment/services/ga-ledger-import.c), as `greenassess-cli import`
 * does: the dialog shows the sheet, the guessed field of each column in a
 * drop-down the user may change, the table's rows with their tce as the
 * engine computes them, and the rows not taken with their reason. For a
 * water-balance table the rows are the kinds of water with their volumes
 * in m³ and the sources' names, and the table's V_i, V_r … after the
 * import.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-ledger-dialog.h"
#include "ga-ledger-import.h"

struct _GaLedgerDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkWidget      *import_button;
  GtkWidget      *file_row;
  GtkWidget      *sheet_row;
  GtkWidget      *error_row;
  GtkWidget      *columns_group;
  GtkWidget      *header_row;
  GtkWidget      *header_spin;
  GtkWidget      *preview_group;
  GtkWidget      *mode_row;
  GtkWidget      *total_label;
  GtkWidget      *skipped_group;
  GtkWidget      *skipped_row;

  GaSession      *session;
  const GaItem   *item;
  GFile          *file;
  GaSheet        *sheet;
  GaLedgerImport *import;
  GPtrArray      *column_rows;    /* GtkWidget*: the drop-downs, one per column shown */
  GPtrArray      *preview_rows;   /* GtkWidget*: the table's rows in the preview */
  GPtrArray      *skipped_rows;   /* GtkWidget*: in the expander */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (GaLedgerDialog, ga_ledger_dialog, ADW_TYPE_WINDOW)

/* The unit as the table's drop-downs show it ("10⁴ kWh" in English). */
static const char *
unit_label (GaLedgerDialog *self,
            const char     *key)
{
  const GaColumn *units = ga_item_find_units_column (self->item);
  GaLookupTable *table = units != NULL
                           ? ga_template_find_table (ga_session_get_template (self->session),
                                                     units->options_table)
                           : NULL;

  for (guint i = 0; table && i < table->rows->len; i++)
    {
      GaTableRow *row = table->rows->pdata[i];

      if (g_strcmp0 (row->key, key) == 0 && ga_text_get (&row->label, NULL) != NULL)
        return ga_text_get (&row->label, NULL);
    }
  return key;
}

static void
remove_rows (GPtrArray *rows,
             GtkWidget *parent)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *w = rows->pdata[i];

      if (ADW_IS_EXPANDER_ROW (parent))
        adw_expander_row_remove (ADW_EXPANDER_ROW (parent), w);
      else
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent), w);
    }
  g_ptr_array_set_size (rows, 0);
}

/* A water-balance table's preview: a row per kind with its volume and the
 * sources' names; the table's V_i, V_r … after the import under it. */
static void
update_water_preview (GaLedgerDialog *self,
                      gboolean        replace)
{
  GPtrArray *totals = ga_ledger_import_get_totals (self->import);
  g_autoptr(GArray) sums = ga_ledger_import_preview_sums (self->import, self->session, replace);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *total_row = gtk_widget_get_ancestor (self->total_label, ADW_TYPE_ACTION_ROW);
  g_autofree char *title = g_strdup_printf (_("“%s” after the import"),
                                            ga_text_get (&self->item->title, NULL));
  guint k = 0;

  for (guint i = 0; i < totals->len; i++)
    {
      GaLedgerTotal *t = totals->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *qty = ga_format_number (t->qty, 6);
      g_autofree char *value = g_strdup_printf ("%s %s", qty, t->unit);
      GtkWidget *label = gtk_label_new (value);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ga_ledger_import_get_kind_label (self->import, t->carrier));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (t->name != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), t->name);
      gtk_widget_add_css_class (label, "ga-score");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->preview_group), row);
      g_ptr_array_add (self->preview_rows, row);
    }
  /* The computed columns that hold water after the import. */
  for (guint c = 0; c < self->item->columns->len && k < sums->len; c++)
    {
      const GaColumn *column = self->item->columns->pdata[c];
      double sum;
      g_autofree char *n = NULL;

      if (column->kind != GA_ITEM_COMPUTED)
        continue;
      sum = g_array_index (sums, double, k++);
      if (sum == 0)
        continue;
      n = isnan (sum) ? g_strdup ("–") : ga_format_number (sum, 6);
      g_string_append_printf (text, "%s%s %s %s", text->len ? " · " : "",
                              ga_text_get (&column->title, NULL), n,
                              column->unit ? column->unit : "");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (total_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (total_row), text->len ? text->str : "–");
  gtk_widget_set_visible (self->total_label, FALSE);
}

static void
update_preview (GaLedgerDialog *self)
{
  GPtrArray *totals, *skipped;
  g_autoptr(GArray) row_tce = NULL;
  g_autofree char *sum_text = NULL;
  gboolean replace = adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) == 0;
  double sum;

  remove_rows (self->preview_rows, self->preview_group);
  remove_rows (self->skipped_rows, self->skipped_row);
  if (self->import == NULL)
    return;
  totals = ga_ledger_import_get_totals (self->import);
  skipped = ga_ledger_import_get_skipped (self->import);
  if (ga_ledger_import_is_water (self->import))
    {
      update_water_preview (self, replace);
      goto skipped_rows;
    }
  sum = ga_ledger_import_preview_tce (self->import, self->session, replace, &row_tce);
  for (guint i = 0; i < totals->len; i++)
    {
      GaLedgerTotal *t = totals->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *qty = ga_format_number (t->qty, 6);
      g_autofree char *tce = ga_format_number (g_array_index (row_tce, double, i), 4);
      g_autofree char *subtitle = g_strdup_printf ("%s %s", qty, unit_label (self, t->unit));
      g_autofree char *value = g_strdup_printf ("%s tce", tce);
      GtkWidget *label = gtk_label_new (value);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ga_ledger_import_get_kind_label (self->import, t->carrier));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "ga-score");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->preview_group), row);
      g_ptr_array_add (self->preview_rows, row);
    }
  sum_text = isnan (sum) ? g_strdup ("–") : ga_format_number (sum, 4);
  {
    g_autofree char *text = g_strdup_printf ("%s tce", sum_text);

    gtk_label_set_text (GTK_LABEL (self->total_label), text);
  }
skipped_rows:
  {
    g_autofree char *title = g_strdup_printf (ngettext ("%u row not taken", "%u rows not taken",
                                                        skipped->len), skipped->len);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->skipped_row), title);
    gtk_widget_set_sensitive (self->skipped_row, skipped->len > 0);
  }
  for (guint i = 0; i < skipped->len; i++)
    {
      GaLedgerSkip *s = skipped->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Row %u"), s->source_row + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->message);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->skipped_row), row);
      g_ptr_array_add (self->skipped_rows, row);
    }
  gtk_widget_set_sensitive (self->import_button,
                            totals->len > 0 && !ga_session_is_read_only (self->session));
}

static void
field_selected_cb (GtkWidget      *row,
                   GParamSpec     *pspec,
                   GaLedgerDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ga-column"));

  if (self->updating || self->import == NULL)
    return;
  ga_ledger_import_set_field (self->import, column,
                              adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
  /* Choosing a field for one column may take it from another. */
  self->updating = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      GtkWidget *other = self->column_rows->pdata[i];
      guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (other), "ga-column"));

      adw_combo_row_set_selected (ADW_COMBO_ROW (other),
                                  ga_ledger_import_get_field (self->import, c));
    }
  self->updating = FALSE;
  update_preview (self);
}

/* One drop-down per column with a heading or a guess, titled "A · 能源名称". */
static void
build_columns (GaLedgerDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  remove_rows (self->column_rows, self->columns_group);
  for (guint f = 0; f < GA_LEDGER_N_FIELDS; f++)
    gtk_string_list_append (fields, ga_ledger_import_get_field_label (self->import, f));
  self->updating = TRUE;
  for (guint c = 0; c < ga_sheet_get_n_columns (self->sheet); c++)
    {
      const char *heading = ga_ledger_import_get_heading (self->import, c);
      GaLedgerField field = ga_ledger_import_get_field (self->import, c);
      g_autofree char *letter = ga_sheet_column_name (c);
      g_autofree char *title = NULL;
      GtkWidget *row;

      title = *heading ? g_strdup_printf ("%s · %s", letter, heading) : g_strdup (letter);
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), field);
      g_object_set_data (G_OBJECT (row), "ga-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (field_selected_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->columns_group), row);
      g_ptr_array_add (self->column_rows, row);
    }
  self->updating = FALSE;
}

/* The heading row as found (0: none) within the rows the sheet has. */
static void
update_header_row (GaLedgerDialog *self)
{
  int row = ga_ledger_import_get_header_row (self->import);
  g_autofree char *subtitle = NULL;

  self->updating = TRUE;
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->header_spin), 0,
                             MAX (1, ga_sheet_get_n_rows (self->sheet)));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->header_spin), row + 1);
  self->updating = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->header_row),
                               row < 0 ? _("Not found: give the row of the headings, then "
                                           "choose what each column holds.")
                                       : "");
}

static void
header_changed_cb (GtkSpinButton  *spin,
                   GaLedgerDialog *self)
{
  if (self->updating || self->import == NULL)
    return;
  ga_ledger_import_set_header_row (self->import, gtk_spin_button_get_value_as_int (spin) - 1);
  update_header_row (self);
  build_columns (self);
  update_preview (self);
}

static void
show_error (GaLedgerDialog *self,
            const char     *message)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->error_row), message);
  gtk_widget_set_visible (self->error_row, message != NULL);
}

/* Reads sheet @name (NULL: the first) of the chosen file. */
static void
load_sheet (GaLedgerDialog *self,
            const char     *name)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->import, ga_ledger_import_free);
  g_clear_pointer (&self->sheet, ga_sheet_free);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  self->sheet = path ? ga_sheet_read_file (path, name, &error) : NULL;
  gtk_widget_set_visible (self->columns_group, self->sheet != NULL);
  gtk_widget_set_visible (self->preview_group, self->sheet != NULL);
  gtk_widget_set_visible (self->skipped_group, self->sheet != NULL);
  if (self->sheet == NULL)
    {
      show_error (self, error ? error->message : _("The file is not on this computer."));
      return;
    }
  show_error (self, NULL);
  self->import = ga_ledger_import_new (self->sheet, ga_session_get_template (self->session),
                                       self->item);
  update_header_row (self);
  build_columns (self);
  update_preview (self);
}

static void
sheet_selected_cb (GtkWidget      *row,
                   GParamSpec     *pspec,
                   GaLedgerDialog *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  if (self->updating || item == NULL)
    return;
  load_sheet (self, gtk_string_object_get_string (item));
}

void
ga_ledger_dialog_open_file (GaLedgerDialog *self,
                            GFile          *file)
{
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_auto(GStrv) sheets = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GA_IS_LEDGER_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  path = g_file_get_path (file);
  shown = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), shown);
  sheets = path ? ga_sheet_list_sheets (path, &error) : NULL;
  self->updating = TRUE;
  {
    g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *const *) sheets);

    adw_combo_row_set_model (ADW_COMBO_ROW (self->sheet_row), G_LIST_MODEL (model));
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->sheet_row), 0);
  }
  self->updating = FALSE;
  gtk_widget_set_visible (self->sheet_row, sheets != NULL && g_strv_length (sheets) > 1);
  load_sheet (self, NULL);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                GaLedgerDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        ga_ledger_dialog_open_file (self, file);
    }
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_clicked_cb (GaLedgerDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Ledger"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets (XLSX, CSV)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_clicked_cb (GaLedgerDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean replace = adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) == 0;

  if (self->import == NULL)
    return;
  if (!ga_ledger_import_apply (self->import, self->session, replace, &error))
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
mode_selected_cb (GtkWidget      *row,
                  GParamSpec     *pspec,
                  GaLedgerDialog *self)
{
  if (!self->updating)
    update_preview (self);
}

static void
ga_ledger_dialog_dispose (GObject *object)
{
  GaLedgerDialog *self = GA_LEDGER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GA_TYPE_LEDGER_DIALOG);
  G_OBJECT_CLASS (ga_ledger_dialog_parent_class)->dispose (object);
}

static void
ga_ledger_dialog_finalize (GObject *object)
{
  GaLedgerDialog *self = GA_LEDGER_DIALOG (object);

  g_clear_pointer (&self->import, ga_ledger_import_free);
  g_clear_pointer (&self->sheet, ga_sheet_free);
  g_clear_object (&self->file);
  g_clear_object (&self->session);
  g_ptr_array_unref (self->column_rows);
  g_ptr_array_unref (self->preview_rows);
  g_ptr_array_unref (self->skipped_rows);
  G_OBJECT_CLASS (ga_ledger_dialog_parent_class)->finalize (object);
}

static void
ga_ledger_dialog_class_init (GaLedgerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ga_ledger_dialog_dispose;
  object_class->finalize = ga_ledger_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/greenassess/GreenAssess/ui/ga-ledger-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, GaLedgerDialog, skipped_row);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ga_ledger_dialog_init (GaLedgerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
  self->skipped_rows = g_ptr_array_new ();
  g_signal_connect (self->sheet_row, "notify::selected", G_CALLBACK (sheet_selected_cb), self);
  g_signal_connect (self->mode_row, "notify::selected", G_CALLBACK (mode_selected_cb), self);
  g_signal_connect (self->header_spin, "value-changed", G_CALLBACK (header_changed_cb), self);
}

GaLedgerDialog *
ga_ledger_dialog_new (GtkWindow *parent,
                      GaSession *session)
{
  g_return_val_if_fail (GA_IS_SESSION (session), NULL);

  return ga_ledger_dialog_new_for_item (parent, session,
                                        ga_ledger_import_find_target (
                                          ga_session_get_template (session)));
}

void
ga_ledger_dialog_import_into (GtkWindow    *parent,
                              GaSession    *session,
                              const GaItem *item)
{
  gtk_window_present (GTK_WINDOW (ga_ledger_dialog_new_for_item (parent, session, item)));
}

GaLedgerDialog *
ga_ledger_dialog_new_for_item (GtkWindow    *parent,
                               GaSession    *session,
                               const GaItem *item)
{
  GaLedgerDialog *self;
  const GaAnswer *current;
  g_autoptr(GtkStringList) modes = NULL;
  guint n_rows = 0;
  gboolean water;

  g_return_val_if_fail (GA_IS_SESSION (session), NULL);

  self = g_object_new (GA_TYPE_LEDGER_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->item = item;
  g_return_val_if_fail (self->item != NULL, self);
  water = ga_ledger_import_is_water_table (ga_session_get_template (session), item);
  if (water)
    {
      GtkWidget *group = gtk_widget_get_ancestor (self->file_row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("An Excel workbook (.xlsx) or a CSV file: a water "
                                               "ledger (用水台账) with a row per source, use or "
                                               "meter, or a monthly water-meter export. Volumes in "
                                               "m³, 吨 (read as m³), 万m³ or 万吨."));
    }
  current = ga_session_get_answer (session, self->item);
  if (current != NULL && current->rows != NULL)
    n_rows = current->rows->len;
  modes = gtk_string_list_new (NULL);
  gtk_string_list_append (modes, _("Replace them"));
  gtk_string_list_append (modes, _("Keep them, add the imported rows"));
  self->updating = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->mode_row), G_LIST_MODEL (modes));
  self->updating = FALSE;
  {
    g_autofree char *subtitle = water
      ? g_strdup_printf (ngettext ("“%s” has %u row.", "“%s” has %u rows.", n_rows),
                         ga_text_get (&item->title, NULL), n_rows)
      : g_strdup_printf (ngettext ("The energy table has %u row.",
                                   "The energy table has %u rows.",
                                   n_rows), n_rows);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->mode_row), subtitle);
  }
  gtk_widget_set_visible (self->mode_row, n_rows > 0);
  return self;
}
