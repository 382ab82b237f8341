/* ga-item-row-private.h: what the files of GaItemRow share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga-item-row.c holds the class, saving and evidence; ga-item-row-editor.c
 * builds the editor of the bound item's kind and shows the answer in it.
 *
 * Rows are rebound as the list scrolls and jumps, so a bind only updates
 * what is there: the header's labels, and the editor of the item's kind.
 * An editor is built the first time a row shows an item of its kind and
 * kept when the row moves on to another kind (GaRowEditor, in
 * spare_editors), to be put back when an item of that kind comes again.
 * Tooltips that depend on the item are asked for when shown
 * (query-tooltip), never set on bind: setting one asks the display where
 * the pointer is.
 */
#pragma once

#include "ga-item-row.h"

G_BEGIN_DECLS

typedef enum {
  GA_CHOICE_YES,
  GA_CHOICE_PARTIAL,
  GA_CHOICE_NO,
  GA_CHOICE_NA,
  GA_N_CHOICES
} GaChoice;

typedef enum {
  GA_BADGE_VETO,
  GA_BADGE_LIMITING,
  GA_BADGE_MANDATORY,
  GA_BADGE_BONUS,
  GA_BADGE_UNVERIFIED,
  GA_N_BADGES
} GaBadge;

/* An editor kept while the row shows an item of another kind: the same
 * widgets as the fields of GaItemRow that hold the current one. */
typedef struct {
  GtkWidget  *box;
  GtkWidget  *named;
  GtkWidget  *choices[GA_N_CHOICES];
  GtkWidget  *entry;
  GtkWidget  *dropdown;
  GPtrArray  *checks;
  GtkWidget  *table_label;
  GtkWidget  *value_label;
  GtkWidget  *unit_label;
  GtkWidget  *default_label;
  GtkWidget  *ref_label;
  int         kind;
  gboolean    na;
} GaRowEditor;

struct _GaItemRow
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *clause;
  GtkWidget  *title;
  GtkWidget  *badge[GA_N_BADGES];
  GtkWidget  *score_button;
  GtkWidget  *explain_label;
  GtkWidget  *requirement;
  GtkWidget  *editor_box;
  GtkWidget  *validation;
  GtkWidget  *na_box;
  GtkWidget  *na_entry;
  GtkWidget  *note_entry;
  GtkWidget  *note_button;
  GtkWidget  *evidence_button;
  GtkWidget  *evidence_list;
  GtkWidget  *guidance_button;
  GtkWidget  *guidance_label;
  GtkWidget  *clear_button;

  /* The editor of the bound item's kind: its box, the only child of
   * editor_box, and its widgets */
  GtkWidget  *editor;
  GtkWidget  *named;         /* the control named after the item's title */
  GtkWidget  *choices[GA_N_CHOICES];
  GtkWidget  *entry;
  GtkWidget  *dropdown;
  GPtrArray  *checks;        /* GtkCheckButton*, MULTI */
  GtkWidget  *table_label;
  GtkWidget  *value_label;   /* COMPUTED */
  GtkWidget  *unit_label;    /* NUMBER, POINTS */
  GtkWidget  *default_label; /* NUMBER with "prefill": the record's figure */
  GtkWidget  *ref_label;     /* NUMBER: a typed value overriding a reference value */
  int         editor_kind;   /* the kind the editor was built for, -1 none */
  gboolean    editor_na;     /* whether it has the N/A choice */
  GPtrArray  *spare_editors; /* GaRowEditor*, most recently used first */

  /* Owned references */
  GaSession  *session;
  GaItem     *item;          /* borrowed from the session's template */
  gboolean    updating;      /* set while widgets are filled from the answer */
  guint       save_source;
  GtkWidget  *pending_entry; /* the entry whose edit waits for save_source */

  /* What show_result() last put on screen: most rows do not change when
   * another item is answered, and setting a label is not free. */
  char       *shown_score;
  guint       shown_evidence;
  GaItem     *shown_header;  /* the item whose title and badges are shown */
};

/* ga-item-row.c */
GaAnswer *_ga_item_row_dup_answer     (GaItemRow  *self);
gboolean  _ga_item_row_commit         (GaItemRow  *self,
                                       GaAnswer   *answer);
void      _ga_item_row_set_na         (GaItemRow  *self,
                                       gboolean    na);
void      _ga_item_row_connect_entry  (GaItemRow  *self,
                                       GtkWidget  *entry);
void      _ga_item_row_show_problem   (GaItemRow  *self,
                                       const char *message);

/* ga-item-row-editor.c */
void      _ga_item_row_build_editor   (GaItemRow  *self);
void      _ga_item_row_init_editors   (GaItemRow  *self);
void      _ga_item_row_free_editors   (GaItemRow  *self);
void      _ga_item_row_show_answer    (GaItemRow  *self);
/* ga-item-row-refvalue.c: the source of a looked-up baseline or leading value. */
void      _ga_item_row_show_reference (GaItemRow  *self);

G_END_DECLS
