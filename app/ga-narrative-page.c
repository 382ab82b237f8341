/* ga-narrative-page.c: the user's text of the report's parts
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ga-narrative.h"
#include "ga-narrative-page.h"

/* The pause after the last key before the text is saved: as an item
 * row's (widgets/ga-item-row.c), so that one sentence is one change in the
 * history rather than one per character. */
#define SAVE_DELAY_MS 600

typedef struct {
  GaNarrativePage *page;     /* borrowed */
  char            *key;
  char            *title;
  GtkTextView     *view;
  GtkLabel        *status;
} Editor;

struct _GaNarrativePage
{
  AdwBin       parent_instance;

  GtkWidget   *viewport;
  GtkWidget   *parts;        /* the box of the editors */

  /* Owned references */
  GaSession   *session;
  GPtrArray   *editors;      /* Editor* */
  Editor      *pending;      /* waiting for its pause, or NULL */
  guint        save_source;
  gboolean     updating;     /* setting a buffer from the store */
};

G_DEFINE_FINAL_TYPE (GaNarrativePage, ga_narrative_page, ADW_TYPE_BIN)

static void
editor_free (Editor *editor)
{
  g_free (editor->key);
  g_free (editor->title);
  g_free (editor);
}

static Editor *
find_editor (GaNarrativePage *self,
             const char      *key)
{
  for (guint i = 0; self->editors != NULL && i < self->editors->len; i++)
    {
      Editor *editor = g_ptr_array_index (self->editors, i);

      if (g_strcmp0 (editor->key, key) == 0)
        return editor;
    }
  return NULL;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Under the editor: how much text the part has, or what the report does
 * without it. */
static void
show_status (Editor     *editor,
             const char *problem)
{
  const char *text = ga_session_get_narrative (editor->page->session, editor->key);
  g_autofree char *status = NULL;

  if (problem != NULL)
    {
      status = g_strdup_printf (_("Not saved: %s"), problem);
      gtk_widget_add_css_class (GTK_WIDGET (editor->status), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (editor->status), "dim-label");
    }
  else
    {
      if (text != NULL)
        {
          glong n = g_utf8_strlen (text, -1);

          status = g_strdup_printf (ngettext ("Saved: %ld character", "Saved: %ld characters", n),
                                    n);
        }
      else
        status = g_strdup (_("No text yet: the report shows only the figures it generates "
                             "here"));
      gtk_widget_remove_css_class (GTK_WIDGET (editor->status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (editor->status), "dim-label");
    }
  gtk_label_set_text (editor->status, status);
}

static void
save_editor (Editor *editor)
{
  GaNarrativePage *self = editor->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->session == NULL)
    return;
  text = buffer_text (editor->view);
  if (!ga_session_set_narrative (self->session, editor->key, text, &error))
    {
      show_status (editor, error->message);
      return;
    }
  show_status (editor, NULL);
}

static gboolean
save_timeout_cb (gpointer data)
{
  GaNarrativePage *self = data;
  Editor *editor = self->pending;

  self->save_source = 0;
  self->pending = NULL;
  if (editor != NULL)
    save_editor (editor);
  return G_SOURCE_REMOVE;
}

void
ga_narrative_page_flush (GaNarrativePage *self)
{
  g_return_if_fail (GA_IS_NARRATIVE_PAGE (self));

  if (self->save_source != 0)
    {
      g_source_remove (self->save_source);
      save_timeout_cb (self);
    }
}

static void
buffer_changed_cb (GtkTextBuffer *buffer,
                   Editor        *editor)
{
  GaNarrativePage *self = editor->page;

  if (self->updating)
    return;
  if (self->pending != NULL && self->pending != editor)
    ga_narrative_page_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->pending = editor;
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                Editor                  *editor)
{
  if (editor->page->pending == editor)
    ga_narrative_page_flush (editor->page);
}

/* The text of @editor as stored, unless the user is typing in it. */
static void
load_editor (Editor *editor)
{
  GaNarrativePage *self = editor->page;
  const char *stored = ga_session_get_narrative (self->session, editor->key);
  g_autofree char *current = buffer_text (editor->view);
  g_autofree char *normal = ga_narrative_normalize (current);

  if (self->pending != editor && g_strcmp0 (normal, stored) != 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor->view),
                                stored != NULL ? stored : "", -1);
      self->updating = FALSE;
    }
  show_status (editor, NULL);
}

static void
narrative_changed_cb (GaSession       *session,
                      const char      *key,
                      GaNarrativePage *self)
{
  Editor *editor = find_editor (self, key);

  if (editor != NULL)
    load_editor (editor);
}

static GtkWidget *
editor_new (GaNarrativePage       *self,
            const GaNarrativePart *part,
            gboolean               read_only)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (part->title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *name = part->parent != NULL
                          ? g_strdup_printf ("%s · %s", part->parent, part->title)
                          : g_strdup (part->title);

  editor->page = self;
  editor->key = g_strdup (part->key);
  editor->title = g_strdup (name);
  editor->view = GTK_TEXT_VIEW (view);
  editor->status = GTK_LABEL (gtk_label_new (NULL));
  g_ptr_array_add (self->editors, editor);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, part->level > 1 ? "heading" : "title-4");
  if (part->level > 1)
    gtk_widget_set_margin_start (box, 24);
  else
    gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), title);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), !read_only);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), !read_only);
  gtk_widget_set_size_request (view, -1, part->level > 1 ? 80 : 110);
  gtk_widget_set_name (view, part->key);
  /* Undo goes to the assessment's history (the workspace's Ctrl+Z), where
   * each save of this text is one change. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);

  gtk_label_set_xalign (editor->status, 0);
  gtk_label_set_wrap (editor->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (editor->status), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->status));

  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), editor);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), editor);
  gtk_widget_add_controller (view, focus);

  load_editor (editor);
  return box;
}

void
ga_narrative_page_set_session (GaNarrativePage *self,
                               GaSession       *session)
{
  GtkWidget *child;

  g_return_if_fail (GA_IS_NARRATIVE_PAGE (self));

  ga_narrative_page_flush (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  while ((child = gtk_widget_get_first_child (self->parts)) != NULL)
    gtk_box_remove (GTK_BOX (self->parts), child);
  g_ptr_array_set_size (self->editors, 0);

  if (session == NULL)
    return;
  {
    GPtrArray *outline = ga_session_get_narrative_outline (session);
    gboolean read_only = ga_session_is_read_only (session);
    GtkWidget *intro = gtk_label_new (
        _("Your own text for each part of the self-evaluation report. The report prints it "
          "right after the part's heading, before the figures it generates there; a blank line "
          "starts a new paragraph. A part left empty shows the generated figures only, and the "
          "check before submitting lists it. Changes are saved as you type; Ctrl+Z undoes them."));

    gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
    gtk_label_set_xalign (GTK_LABEL (intro), 0);
    gtk_widget_add_css_class (intro, "dim-label");
    gtk_box_append (GTK_BOX (self->parts), intro);
    for (guint i = 0; i < outline->len; i++)
      gtk_box_append (GTK_BOX (self->parts),
                      editor_new (self, g_ptr_array_index (outline, i), read_only));
  }
  g_signal_connect (session, "narrative-changed", G_CALLBACK (narrative_changed_cb), self);
}

void
ga_narrative_page_show_part (GaNarrativePage *self,
                             const char      *part)
{
  Editor *editor;

  g_return_if_fail (GA_IS_NARRATIVE_PAGE (self));

  editor = find_editor (self, part);
  if (editor != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (editor->view));
}

GtkTextView *
ga_narrative_page_get_editor (GaNarrativePage *self,
                              const char      *part)
{
  Editor *editor;

  g_return_val_if_fail (GA_IS_NARRATIVE_PAGE (self), NULL);

  editor = find_editor (self, part);
  return editor != NULL ? editor->view : NULL;
}

static void
ga_narrative_page_dispose (GObject *object)
{
  GaNarrativePage *self = GA_NARRATIVE_PAGE (object);

  if (self->session != NULL)
    {
      ga_narrative_page_flush (self);
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->pending = NULL;
  g_clear_object (&self->session);

  G_OBJECT_CLASS (ga_narrative_page_parent_class)->dispose (object);
}

static void
ga_narrative_page_finalize (GObject *object)
{
  GaNarrativePage *self = GA_NARRATIVE_PAGE (object);

  g_ptr_array_unref (self->editors);

  G_OBJECT_CLASS (ga_narrative_page_parent_class)->finalize (object);
}

static void
ga_narrative_page_class_init (GaNarrativePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ga_narrative_page_dispose;
  object_class->finalize = ga_narrative_page_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "narrativepage");
}

static void
ga_narrative_page_init (GaNarrativePage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->editors = g_ptr_array_new_with_free_func ((GDestroyNotify) editor_free);
  self->parts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->parts, 18);
  gtk_widget_set_margin_bottom (self->parts, 24);
  gtk_widget_set_margin_start (self->parts, 12);
  gtk_widget_set_margin_end (self->parts, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->parts);

  /* The editor that takes the focus (typing, ga_narrative_page_show_part())
   * is scrolled into view. */
  self->viewport = gtk_viewport_new (NULL, NULL);
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (self->viewport), TRUE);
  gtk_viewport_set_child (GTK_VIEWPORT (self->viewport), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->viewport);
  adw_bin_set_child (ADW_BIN (self), scroller);
}
