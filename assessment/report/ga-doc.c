/* ga-doc.c: the document model
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-doc-private.h"

G_DEFINE_QUARK (ga-doc-error-quark, ga_doc_error)

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

char *
ga_doc_clean_text (const char *s)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p;

  if (s == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (s, -1);
  out = g_string_sized_new (strlen (valid));
  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c == '\n')
        g_string_append_c (out, '\n');
      else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || is_noncharacter (c))
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

const char *
ga_doc_toc_title (GaDoc *doc)
{
  return doc->language == GA_DOC_LANG_ZH_CN ? "目  录" : "Contents";
}

gboolean
ga_doc_replace_file (const char  *path,
                     const void  *data,
                     gsize        len,
                     GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    {
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE,
                   "Cannot write “%s”: %s", shown, local->message);
      return FALSE;
    }
  return TRUE;
}

double
ga_doc_get_text_width (void)
{
  return (GA_DOC_PAGE_WIDTH_MM - 2 * GA_DOC_MARGIN_SIDE_MM) * 72.0 / 25.4;
}

double
ga_doc_get_table_text_size (void)
{
  return GA_DOC_SIZE_BODY;
}

double
ga_doc_get_cell_padding (void)
{
  return GA_DOC_CELL_PAD_X;
}

/* ------------------------------------------------------------------ blocks */

static void
run_clear (gpointer data)
{
  GaDocRun *run = data;

  g_free (run->text);
}

static void
row_free (gpointer data)
{
  GaDocRow *row = data;

  g_strfreev (row->cells);
  g_free (row->align);
  g_free (row);
}

static void
group_clear (gpointer data)
{
  GaDocGroup *group = data;

  g_free (group->text);
}

static void
block_free (gpointer data)
{
  GaDocBlock *block = data;

  g_free (block->text);
  g_strfreev (block->items);
  g_clear_pointer (&block->paragraph.runs, g_array_unref);
  g_free (block->table.widths);
  g_free (block->table.column_align);
  g_strfreev (block->table.header);
  g_clear_pointer (&block->table.groups, g_array_unref);
  g_clear_pointer (&block->table.rows, g_ptr_array_unref);
  g_clear_pointer (&block->image.png, g_bytes_unref);
  g_free (block->image.caption);
  ga_doc_chart_clear (&block->chart);
  g_free (block);
}

GaDocBlock *
ga_doc_append_block (GaDoc          *doc,
                     GaDocBlockKind  kind)
{
  GaDocBlock *block = g_new0 (GaDocBlock, 1);

  block->kind = kind;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

static char **
clean_strv (const char * const *items)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    g_ptr_array_add (out, ga_doc_clean_text (items[i]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* ------------------------------------------------------------------ document */

GaDoc *
ga_doc_new (GaDocLanguage language)
{
  GaDoc *doc = g_new0 (GaDoc, 1);

  g_atomic_ref_count_init (&doc->ref_count);
  doc->language = language == GA_DOC_LANG_EN ? GA_DOC_LANG_EN : GA_DOC_LANG_ZH_CN;
  doc->title = g_strdup ("");
  doc->author = g_strdup ("");
  doc->running_title = g_strdup ("");
  doc->date = g_date_time_new_now_local ();
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

GaDoc *
ga_doc_ref (GaDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
ga_doc_unref (GaDoc *doc)
{
  g_return_if_fail (doc != NULL);

  if (!g_atomic_ref_count_dec (&doc->ref_count))
    return;
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->running_title);
  g_date_time_unref (doc->date);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

GaDocLanguage
ga_doc_get_language (GaDoc *doc)
{
  return doc->language;
}

void
ga_doc_set_title (GaDoc      *doc,
                  const char *title)
{
  g_free (doc->title);
  doc->title = ga_doc_clean_text (title);
}

const char *
ga_doc_get_title (GaDoc *doc)
{
  return doc->title;
}

void
ga_doc_set_author (GaDoc      *doc,
                   const char *author)
{
  g_free (doc->author);
  doc->author = ga_doc_clean_text (author);
}

const char *
ga_doc_get_author (GaDoc *doc)
{
  return doc->author;
}

void
ga_doc_set_date (GaDoc     *doc,
                 GDateTime *date)
{
  g_return_if_fail (date != NULL);

  g_date_time_ref (date);
  g_date_time_unref (doc->date);
  doc->date = date;
}

GDateTime *
ga_doc_get_date (GaDoc *doc)
{
  return doc->date;
}

void
ga_doc_set_running_title (GaDoc      *doc,
                          const char *text)
{
  g_free (doc->running_title);
  doc->running_title = ga_doc_clean_text (text);
}

const char *
ga_doc_get_running_title (GaDoc *doc)
{
  return doc->running_title;
}

guint
ga_doc_get_n_blocks (GaDoc *doc)
{
  return doc->blocks->len;
}

void
ga_doc_add_heading (GaDoc      *doc,
                    guint       level,
                    const char *text)
{
  GaDocBlock *block = ga_doc_append_block (doc, GA_DOC_BLOCK_HEADING);

  block->level = CLAMP (level, 1, 3);
  block->text = ga_doc_clean_text (text);
  block->heading_index = doc->n_headings++;
}

GaDocParagraph *
ga_doc_add_paragraph (GaDoc               *doc,
                      GaDocParagraphStyle  style,
                      const char          *text)
{
  GaDocBlock *block = ga_doc_append_block (doc, GA_DOC_BLOCK_PARAGRAPH);

  block->paragraph.style = style <= GA_DOC_STYLE_TITLE ? style : GA_DOC_STYLE_NORMAL;
  block->paragraph.runs = g_array_new (FALSE, TRUE, sizeof (GaDocRun));
  g_array_set_clear_func (block->paragraph.runs, run_clear);
  if (text != NULL)
    ga_doc_paragraph_add_run (&block->paragraph, text, FALSE);
  return &block->paragraph;
}

void
ga_doc_paragraph_add_run (GaDocParagraph *paragraph,
                          const char     *text,
                          gboolean        bold)
{
  GaDocRun run = { ga_doc_clean_text (text), bold != FALSE };

  g_array_append_val (paragraph->runs, run);
}

void
ga_doc_add_bullets (GaDoc              *doc,
                    const char * const *items)
{
  GaDocBlock *block = ga_doc_append_block (doc, GA_DOC_BLOCK_BULLETS);

  block->items = clean_strv (items);
}

GaDocTable *
ga_doc_add_table (GaDoc         *doc,
                  guint          n_columns,
                  const double  *widths,
                  GError       **error)
{
  GaDocBlock *block;
  double sum = 0;

  if (n_columns == 0 || n_columns > GA_DOC_MAX_COLUMNS)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                   "A table needs 1 to %d columns, not %u", GA_DOC_MAX_COLUMNS, n_columns);
      return NULL;
    }
  for (guint i = 0; widths != NULL && i < n_columns; i++)
    {
      if (!isfinite (widths[i]) || widths[i] <= 0)
        {
          g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                       "Column %u of a table has the width %g; widths must be positive",
                       i + 1, widths[i]);
          return NULL;
        }
      sum += widths[i];
    }
  if (!isfinite (sum))
    {
      g_set_error_literal (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                           "The column widths of a table are too large");
      return NULL;
    }

  block = ga_doc_append_block (doc, GA_DOC_BLOCK_TABLE);
  block->table.n_columns = n_columns;
  block->table.widths = g_new (double, n_columns);
  block->table.column_align = g_new0 (GaDocAlign, n_columns);
  for (guint i = 0; i < n_columns; i++)
    block->table.widths[i] = widths != NULL ? widths[i] / sum : 1.0 / n_columns;
  block->table.groups = g_array_new (FALSE, TRUE, sizeof (GaDocGroup));
  g_array_set_clear_func (block->table.groups, group_clear);
  block->table.rows = g_ptr_array_new_with_free_func (row_free);
  return &block->table;
}

static char **
clean_cells (guint               n,
             const char * const *cells)
{
  char **out = g_new0 (char *, n + 1);
  gboolean ended = cells == NULL;

  /* A NULL entry is an empty cell, so the array is read for exactly n. */
  for (guint i = 0; i < n; i++)
    out[i] = ga_doc_clean_text (ended ? NULL : cells[i]);
  return out;
}

void
ga_doc_table_set_header (GaDocTable         *table,
                         const char * const *cells)
{
  g_strfreev (table->header);
  table->header = clean_cells (table->n_columns, cells);
}

gboolean
ga_doc_table_add_header_group (GaDocTable *table,
                               guint       first_column,
                               guint       n_columns,
                               const char *text)
{
  GaDocGroup group;
  guint at = 0;

  if (n_columns == 0 || first_column >= table->n_columns
      || n_columns > table->n_columns - first_column)
    return FALSE;
  for (guint i = 0; i < table->groups->len; i++)
    {
      GaDocGroup *other = &g_array_index (table->groups, GaDocGroup, i);

      if (first_column < other->first + other->n && other->first < first_column + n_columns)
        return FALSE;
      if (other->first < first_column)
        at = i + 1;
    }
  group.first = first_column;
  group.n = n_columns;
  group.text = ga_doc_clean_text (text);
  g_array_insert_val (table->groups, at, group);
  return TRUE;
}

void
ga_doc_table_set_column_align (GaDocTable *table,
                               guint       column,
                               GaDocAlign  align)
{
  g_return_if_fail (column < table->n_columns);

  table->column_align[column] = align <= GA_DOC_ALIGN_END ? align : GA_DOC_ALIGN_START;
}

guint
ga_doc_table_add_row (GaDocTable         *table,
                      const char * const *cells)
{
  GaDocRow *row = g_new0 (GaDocRow, 1);

  row->cells = clean_cells (table->n_columns, cells);
  row->align = g_memdup2 (table->column_align, sizeof (GaDocAlign) * table->n_columns);
  g_ptr_array_add (table->rows, row);
  return table->rows->len - 1;
}

void
ga_doc_table_set_cell_align (GaDocTable *table,
                             guint       row,
                             guint       column,
                             GaDocAlign  align)
{
  g_return_if_fail (row < table->rows->len && column < table->n_columns);

  ((GaDocRow *) table->rows->pdata[row])->align[column] =
    align <= GA_DOC_ALIGN_END ? align : GA_DOC_ALIGN_START;
}

/* The size from the PNG's IHDR chunk: signature (8 bytes), chunk length
 * (4), "IHDR" (4), then width and height as big-endian 32-bit numbers. */
static gboolean
png_size (GBytes *png,
          guint  *width,
          guint  *height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  gsize len;
  const guint8 *data = g_bytes_get_data (png, &len);
  guint32 w, h;

  if (len < 33 || memcmp (data, signature, 8) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  w = (guint32) data[16] << 24 | (guint32) data[17] << 16 | (guint32) data[18] << 8 | data[19];
  h = (guint32) data[20] << 24 | (guint32) data[21] << 16 | (guint32) data[22] << 8 | data[23];
  if (w == 0 || h == 0 || w > 100000 || h > 100000)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

gboolean
ga_doc_add_image (GaDoc       *doc,
                  GBytes      *png,
                  double       width_mm,
                  const char  *caption,
                  GError     **error)
{
  GaDocBlock *block;
  guint w, h;

  g_return_val_if_fail (png != NULL, FALSE);

  if (!png_size (png, &w, &h))
    {
      g_set_error_literal (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                           "The image is not a PNG image");
      return FALSE;
    }
  if (!isfinite (width_mm) || width_mm <= 0)
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_INVALID,
                   "An image cannot be %g mm wide", width_mm);
      return FALSE;
    }

  block = ga_doc_append_block (doc, GA_DOC_BLOCK_IMAGE);
  block->image.png = g_bytes_ref (png);
  block->image.pixel_width = w;
  block->image.pixel_height = h;
  block->image.width_mm = width_mm;
  block->image.caption = caption != NULL && *caption != '\0' ? ga_doc_clean_text (caption) : NULL;
  return TRUE;
}

void
ga_doc_add_page_break (GaDoc *doc)
{
  ga_doc_append_block (doc, GA_DOC_BLOCK_PAGE_BREAK);
}

void
ga_doc_add_toc (GaDoc *doc)
{
  ga_doc_append_block (doc, GA_DOC_BLOCK_TOC);
}

void
ga_doc_add_signature (GaDoc              *doc,
                      const char * const *labels)
{
  GaDocBlock *block = ga_doc_append_block (doc, GA_DOC_BLOCK_SIGNATURE);

  block->items = clean_strv (labels);
}
