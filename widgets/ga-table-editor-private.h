/* ga-table-editor-private.h: what the table editor's files share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ga-table-editor.h"

G_BEGIN_DECLS

struct _GaTableEditor
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *scroller;
  GtkWidget  *grid;
  GtkWidget  *hscrollbar;
  GtkWidget  *message;
  GtkWidget  *add_button;

  /* Owned references */
  GaSession  *session;
  GaItem     *item;          /* borrowed from the session's template */
  char      **columns;       /* the computed columns asked for, or NULL */
  GArray     *shown;         /* guint: indexes of the shown columns */
  GPtrArray  *computed;      /* GtkLabel*, one per (row, shown computed column) */
  GPtrArray  *totals;        /* GtkLabel* or NULL, one per shown column */
  guint       n_rows;        /* rows shown in the grid */
  gboolean    updating;
  gboolean    choosing;      /* a drop-down of the grid is saving its choice */
  gboolean    own_change;    /* a cell of the grid is saving what was typed */
  guint       rebuild_source;
};

GaColumn  *ga_table_editor_column_at     (GaTableEditor  *self,
                                          guint           shown_index);
/* The cell editor (entry or drop-down) of @row (from 0) in shown column
 * @shown_index, or NULL (a computed column, no such row). */
GtkWidget *ga_table_editor_cell_widget   (GaTableEditor  *self,
                                          guint           row,
                                          guint           shown_index);
/* The cell editor holding the keyboard focus, or NULL; @row and @shown
 * receive its place. */
GtkWidget *ga_table_editor_focused_cell  (GaTableEditor  *self,
                                          guint          *row,
                                          guint          *shown);
/* Saves what was typed in the entry @entry; FALSE (and the entry marked)
 * when the model refuses it. Nothing typed is success. */
gboolean   ga_table_editor_commit_entry  (GaTableEditor  *self,
                                          GtkWidget      *entry);
/* The key of the option of choice column @column whose id or label is
 * @text, for the row @row (units depend on the row's carrier); NULL when
 * none is. */
char      *ga_table_editor_choice_key    (GaTableEditor  *self,
                                          GaColumn       *column,
                                          const GaRow    *row,
                                          const char     *text);
JsonArray *ga_table_editor_rows_json     (GaTableEditor  *self);
gboolean   ga_table_editor_save_rows     (GaTableEditor  *self,
                                          JsonArray      *rows,
                                          GError        **error);
void       ga_table_editor_keep_unit     (GaTableEditor  *self,
                                          const GaColumn *column,
                                          JsonObject     *object);
void       ga_table_editor_show_message  (GaTableEditor  *self,
                                          const char     *text);
/* Puts the keyboard in the cell editor of @row, @shown_index (its text
 * selected, as a spreadsheet does); FALSE when there is none. */
gboolean   ga_table_editor_focus_cell    (GaTableEditor  *self,
                                          guint           row,
                                          guint           shown_index);
/* The keys a spreadsheet user expects (Tab, Enter, arrows, paste),
 * installed on the editor. */
void       ga_table_editor_init_keys     (GaTableEditor  *self);
/* Marks the entry @entry as being edited (typed in or clicked into):
 * Left and Right then move in its text, not between cells. */
void       ga_table_editor_track_entry   (GaTableEditor  *self,
                                          GtkWidget      *entry);

/* The cell the keyboard is in, and what was being typed there, kept
 * across a rebuild of the grid (undo, a new carrier, a pasted block). */
typedef struct {
  gboolean  any;
  guint     row;
  guint     shown;
  char     *text;
  int       position;
  gboolean  editing;
} KeptFocus;

void       ga_table_editor_keep_focus    (GaTableEditor  *self,
                                          KeptFocus      *kept);
void       ga_table_editor_restore_focus (GaTableEditor  *self,
                                          KeptFocus      *kept);

G_END_DECLS
