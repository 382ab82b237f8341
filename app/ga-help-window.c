/* ga-help-window.c: the user guide, shown from the application's resources
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/user-guide.md and its Chinese version docs/user-guide.zh_CN.md are
 * compiled into the resources, so the guide is there without a network, a
 * browser or an installed documentation package, and always matches the
 * version that runs. The guide is in the language the reports and the
 * other language-dependent texts use (ga_format_language()); English when
 * there is no guide in that language. The window reads the small part of
 * Markdown the guide uses: headings, paragraphs, lists, quotes, fenced code,
 * tables, **bold**, `code` and [links]; the chapters (## and ###) are listed
 * beside the text and scroll to their heading.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ga-format.h"
#include "ga-help-window.h"

#define GUIDE_PATH "/io/github/greenassess/GreenAssess/help/"

struct _GaHelpWindow
{
  AdwWindow      parent_instance;

  GtkTextView   *view;
  GtkTextBuffer *buffer;
  GtkListBox    *chapters;
  GPtrArray     *headings;   /* char*, in the order of the chapter rows */
  GPtrArray     *marks;      /* GtkTextMark*, one per heading */
};

G_DEFINE_FINAL_TYPE (GaHelpWindow, ga_help_window, ADW_TYPE_WINDOW)

static void
create_tags (GtkTextBuffer *buffer)
{
  gtk_text_buffer_create_tag (buffer, "h1", "weight", PANGO_WEIGHT_BOLD,
                              "scale", PANGO_SCALE_XX_LARGE, "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "h2", "weight", PANGO_WEIGHT_BOLD,
                              "scale", PANGO_SCALE_X_LARGE, "pixels-above-lines", 18,
                              "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "h3", "weight", PANGO_WEIGHT_BOLD,
                              "scale", PANGO_SCALE_LARGE, "pixels-above-lines", 12,
                              "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "h4", "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 8, "pixels-below-lines", 2, NULL);
  gtk_text_buffer_create_tag (buffer, "body", "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "item", "left-margin", 44, "indent", -16,
                              "pixels-below-lines", 4, NULL);
  gtk_text_buffer_create_tag (buffer, "quote", "left-margin", 44, "style", PANGO_STYLE_ITALIC,
                              "pixels-below-lines", 8, NULL);
  gtk_text_buffer_create_tag (buffer, "pre", "family", "monospace", "left-margin", 44,
                              "wrap-mode", GTK_WRAP_NONE, NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "code", "family", "monospace", NULL);
}

/* Inserts @text at the end with @base, reading **bold**, `code` and
 * [text](target) (the text only: the targets are files of the source
 * tree). */
static void
insert_inline (GtkTextBuffer *buffer,
               const char    *text,
               const char    *base)
{
  gboolean bold = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *stop = p;
      GtkTextIter end;

      while (*stop != '\0' && *stop != '`' && *stop != '[' && strncmp (stop, "**", 2) != 0)
        stop++;
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (stop > p)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, p, stop - p, base,
                                                  bold ? "bold" : NULL, NULL);
      if (*stop == '\0')
        break;
      if (*stop == '*')
        {
          bold = !bold;
          p = stop + 2;
        }
      else if (*stop == '`')
        {
          const char *close = strchr (stop + 1, '`');

          if (close == NULL)
            close = stop + strlen (stop);
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, stop + 1, close - stop - 1,
                                                    base, "code", NULL);
          p = *close != '\0' ? close + 1 : close;
        }
      else
        {
          const char *close = strstr (stop, "](");
          const char *paren = close != NULL ? strchr (close, ')') : NULL;

          gtk_text_buffer_get_end_iter (buffer, &end);
          if (paren == NULL || memchr (stop, '\n', close - stop) != NULL)
            {
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "[", 1, base, NULL);
              p = stop + 1;
              continue;
            }
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, stop + 1, close - stop - 1,
                                                    base, bold ? "bold" : NULL, NULL);
          p = paren + 1;
        }
    }
}

/* The same inline marks as Pango markup, for the table cells. */
static char *
inline_to_markup (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE, code = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!code && strncmp (p, "**", 2) == 0)
        {
          g_string_append (out, bold ? "</b>" : "<b>");
          bold = !bold;
          p++;
        }
      else if (*p == '`')
        {
          g_string_append (out, code ? "</tt>" : "<tt>");
          code = !code;
        }
      else
        {
          g_autofree char *one = g_markup_escape_text (p, 1);

          g_string_append (out, one);
        }
    }
  if (code)
    g_string_append (out, "</tt>");
  if (bold)
    g_string_append (out, "</b>");
  return g_string_free (out, FALSE);
}

/* The cells of a table line "| a | b |". */
static char **
split_row (const char *line)
{
  g_autofree char *inner = g_strstrip (g_strdup (line));
  char **cells;

  if (inner[0] == '|')
    memmove (inner, inner + 1, strlen (inner));
  if (inner[0] != '\0' && inner[strlen (inner) - 1] == '|')
    inner[strlen (inner) - 1] = '\0';
  cells = g_strsplit (inner, "|", -1);
  for (guint i = 0; cells[i] != NULL; i++)
    g_strstrip (cells[i]);
  return cells;
}

static gboolean
is_rule_row (const char *line)
{
  return strspn (line, "|-: \t") == strlen (line) && strchr (line, '-') != NULL;
}

/* The width of @text in character cells: a Chinese character takes two,
 * as a label's width in characters counts the narrow ones. */
static int
cell_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* A table as a grid of labels placed in the text. */
static void
flush_table (GaHelpWindow *self,
             GPtrArray    *rows)
{
  GtkWidget *grid;
  GtkTextChildAnchor *anchor;
  GtkTextIter end;
  int r = 0;

  if (rows->len == 0)
    return;
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 28);
  gtk_widget_set_margin_bottom (grid, 10);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *line = g_ptr_array_index (rows, i);
      g_auto(GStrv) cells = NULL;

      if (is_rule_row (line))
        continue;
      cells = split_row (line);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_autofree char *markup = inline_to_markup (cells[c]);
          g_autofree char *shown = r == 0 ? g_strdup_printf ("<b>%s</b>", markup)
                                          : g_steal_pointer (&markup);
          GtkWidget *label = gtk_label_new (NULL);

          gtk_label_set_markup (GTK_LABEL (label), shown);
          /* A child of a text view gets its minimum width: ask for the
           * cell's width (up to a column of 48 characters). */
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_width_chars (GTK_LABEL (label),
                                     CLAMP (cell_width (gtk_label_get_text (GTK_LABEL (label))),
                                            4, 48));
          gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_yalign (GTK_LABEL (label), 0);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_grid_attach (GTK_GRID (grid), label, (int) c, r, 1, 1);
        }
      r++;
    }
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  anchor = gtk_text_buffer_create_child_anchor (self->buffer, &end);
  gtk_text_view_add_child_at_anchor (self->view, grid, anchor);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert (self->buffer, &end, "\n", 1);
  g_ptr_array_set_size (rows, 0);
}

static void
flush_paragraph (GaHelpWindow *self,
                 GString      *para,
                 const char  **tag)
{
  GtkTextIter end;

  if (para->len == 0)
    return;
  insert_inline (self->buffer, para->str, *tag);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, "\n", 1, *tag, NULL);
  g_string_truncate (para, 0);
  *tag = "body";
}

static void
add_heading (GaHelpWindow *self,
             const char   *line)
{
  static const char *tags[] = { "h1", "h2", "h3", "h4" };
  guint level = strspn (line, "#");
  const char *text = line + level;
  GtkTextIter end;

  while (*text == ' ')
    text++;
  level = CLAMP (level, 1, 4);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  if (level == 2 || level == 3)
    {
      GtkWidget *label = gtk_label_new (text);
      GtkTextMark *mark = gtk_text_buffer_create_mark (self->buffer, NULL, &end, TRUE);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_start (label, level == 2 ? 12 : 28);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      if (level == 2)
        gtk_widget_add_css_class (label, "heading");
      gtk_list_box_append (self->chapters, label);
      g_ptr_array_add (self->headings, g_strdup (text));
      g_ptr_array_add (self->marks, g_object_ref (mark));
    }
  insert_inline (self->buffer, text, tags[level - 1]);
  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, "\n", 1, tags[level - 1], NULL);
}

/* Whether @line starts a list item ("- ", "* ", "1. "); with @para, the
 * item's bullet or number and text are appended to it. */
static gboolean
start_item (const char *line,
            GString    *para)
{
  const char *p = line + strspn (line, " ");
  guint digits = strspn (p, "0123456789");

  if (para == NULL)
    return ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
           || (digits > 0 && p[digits] == '.' && p[digits + 1] == ' ');
  if ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
    {
      g_string_append (para, "•  ");
      g_string_append (para, p + 2);
      return TRUE;
    }
  if (digits > 0 && p[digits] == '.' && p[digits + 1] == ' ')
    {
      g_string_append_len (para, p, digits + 1);
      g_string_append (para, "  ");
      g_string_append (para, p + digits + 2);
      return TRUE;
    }
  return FALSE;
}

static void
render (GaHelpWindow *self,
        const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) para = g_string_new (NULL);
  g_autoptr(GPtrArray) table = g_ptr_array_new ();
  const char *tag = "body";
  gboolean in_code = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      GtkTextIter end;

      if (in_code)
        {
          gtk_text_buffer_get_end_iter (self->buffer, &end);
          if (g_str_has_prefix (line, "```"))
            {
              in_code = FALSE;
              gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, "\n", 1, "body", NULL);
            }
          else
            {
              gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, line, -1, "pre", NULL);
              gtk_text_buffer_insert_with_tags_by_name (self->buffer, &end, "\n", 1, "pre", NULL);
            }
          continue;
        }
      if (line[0] == '|')
        {
          flush_paragraph (self, para, &tag);
          g_ptr_array_add (table, (gpointer) line);
          continue;
        }
      flush_table (self, table);
      if (g_str_has_prefix (line, "```"))
        {
          flush_paragraph (self, para, &tag);
          in_code = TRUE;
        }
      else if (line[strspn (line, " \t")] == '\0')
        flush_paragraph (self, para, &tag);
      else if (line[0] == '#')
        {
          flush_paragraph (self, para, &tag);
          add_heading (self, line);
        }
      else if (g_str_has_prefix (line, "> "))
        {
          if (g_strcmp0 (tag, "quote") != 0)
            flush_paragraph (self, para, &tag);
          tag = "quote";
          g_string_append_printf (para, "%s%s", para->len > 0 ? " " : "", line + 2);
        }
      else if (line[0] != ' ' && start_item (line, NULL))
        {
          /* A new list item ends what came before, an earlier item too. */
          flush_paragraph (self, para, &tag);
          start_item (line, para);
          tag = "item";
        }
      else
        g_string_append_printf (para, "%s%s", para->len > 0 ? " " : "", line + strspn (line, " "));
    }
  flush_table (self, table);
  flush_paragraph (self, para, &tag);
}

static void
chapter_activated_cb (GtkListBox    *box,
                      GtkListBoxRow *row,
                      GaHelpWindow  *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->marks->len)
    gtk_text_view_scroll_to_mark (self->view, g_ptr_array_index (self->marks, index), 0.0, TRUE,
                                  0.0, 0.0);
}

static void
ga_help_window_dispose (GObject *object)
{
  GaHelpWindow *self = GA_HELP_WINDOW (object);

  g_clear_pointer (&self->marks, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_ptr_array_unref);

  G_OBJECT_CLASS (ga_help_window_parent_class)->dispose (object);
}

static void
ga_help_window_class_init (GaHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ga_help_window_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
build_content (GaHelpWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *main = gtk_scrolled_window_new ();
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("User Guide"), "GreenAssess"));
  gtk_box_append (GTK_BOX (box), header);

  self->chapters = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->chapters), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chapters), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chapters"), -1);
  g_signal_connect (self->chapters, "row-activated", G_CALLBACK (chapter_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), GTK_WIDGET (self->chapters));
  gtk_widget_set_size_request (side, 220, -1);

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_cursor_visible (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 28);
  gtk_text_view_set_right_margin (self->view, 28);
  gtk_text_view_set_top_margin (self->view, 20);
  gtk_text_view_set_bottom_margin (self->view, 28);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("User guide"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (main), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (main), GTK_WIDGET (self->view));

  gtk_paned_set_start_child (GTK_PANED (paned), side);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), main);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 260);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);
  return box;
}

/* The guide in the user's language: user-guide.<language>.md, or the
 * English user-guide.md when the language has none. */
static GBytes *
lookup_guide (GError **error)
{
  const char *language = ga_format_language ();

  if (g_strcmp0 (language, "en") != 0)
    {
      g_autofree char *path = g_strdup_printf (GUIDE_PATH "user-guide.%s.md", language);
      GBytes *guide = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (guide != NULL)
        return guide;
    }
  return g_resources_lookup_data (GUIDE_PATH "user-guide.md", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  error);
}

static void
ga_help_window_init (GaHelpWindow *self)
{
  g_autoptr(GBytes) guide = NULL;
  g_autoptr(GError) error = NULL;

  self->headings = g_ptr_array_new_with_free_func (g_free);
  self->marks = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_window_set_title (GTK_WINDOW (self), _("User Guide"));
  gtk_window_set_default_size (GTK_WINDOW (self), 980, 720);
  adw_window_set_content (ADW_WINDOW (self), build_content (self));
  create_tags (self->buffer);

  guide = lookup_guide (&error);
  if (guide == NULL)
    {
      /* Only a broken build gets here; say so instead of an empty page. */
      g_autofree char *text = g_strdup_printf (_("The user guide is missing from this build (%s). "
                                                 "Reinstall GreenAssess, or read docs/user-guide.md "
                                                 "in its source."),
                                               error->message);
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (self->buffer, &end);
      gtk_text_buffer_insert (self->buffer, &end, text, -1);
      return;
    }
  render (self, g_bytes_get_data (guide, NULL));
}

GaHelpWindow *
ga_help_window_new (GtkWindow *parent)
{
  return g_object_new (GA_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}

gboolean
ga_help_window_show_chapter (GaHelpWindow *self,
                             const char   *heading)
{
  g_return_val_if_fail (GA_IS_HELP_WINDOW (self), FALSE);

  for (guint i = 0; i < self->headings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->headings, i), heading) == 0)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->chapters, (int) i);

        gtk_list_box_select_row (self->chapters, row);
        gtk_text_view_scroll_to_mark (self->view, g_ptr_array_index (self->marks, i), 0.0, TRUE,
                                      0.0, 0.0);
        return TRUE;
      }
  return FALSE;
}

char *
ga_help_window_dup_text (GaHelpWindow *self)
{
  GtkTextIter start, end;

  g_return_val_if_fail (GA_IS_HELP_WINDOW (self), NULL);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}
