/* ga-doc-layout-table.c: tables on the page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table's header rows are laid out once and drawn again at the top of
 * every page the table spans. A row that fits on a page is never split;
 * a taller one is split between lines of its cells. Drawing a page may
 * start at any row (a checkpoint before each row), so a long table costs
 * no more per page than a short one.
 */
#include "config.h"

#include <string.h>

#include "ga-doc-layout-private.h"

#define CELL_PAD_X         GA_DOC_CELL_PAD_X
#define CELL_PAD_Y         3.0
#define BORDER_WIDTH       0.6

static PangoAlignment
pango_align (GaDocAlign align)
{
  switch (align)
    {
    case GA_DOC_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;
    case GA_DOC_ALIGN_END:
      return PANGO_ALIGN_RIGHT;
    case GA_DOC_ALIGN_START:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

typedef struct {
  PangoLayout *text;
  GArray      *boxes;    /* GaLineBox */
} Cell;

static void
cell_clear (Cell *cell)
{
  g_clear_object (&cell->text);
  g_clear_pointer (&cell->boxes, g_array_unref);
}

static void
cell_init (GaDocLayout *layout,
           Cell       *cell,
           const char *text,
           double      width,
           GaDocAlign  align,
           gboolean    bold)
{
  cell->text = _ga_layout_text_new (layout->pango, layout->body_family, GA_DOC_SIZE_BODY, bold,
                             MAX (width - 2 * CELL_PAD_X, 1), pango_align (align),
                             CELL_LINE_SPACING);
  _ga_layout_set_text (cell->text, text);
  cell->boxes = _ga_layout_line_boxes (cell->text);
}

static double
cell_lines_height (Cell *cell,
                   guint first,
                   guint end)
{
  if (end <= first)
    return 0;
  return g_array_index (cell->boxes, GaLineBox, end - 1).bottom
         - g_array_index (cell->boxes, GaLineBox, first).top;
}

static double
cell_height (Cell *cell)
{
  return cell_lines_height (cell, 0, cell->boxes->len);
}

static void
stroke_rect (GaDocLayout *layout,
             double  x,
             double  y,
             double  w,
             double  h)
{
  if (!_ga_layout_drawing (layout))
    return;
  cairo_set_line_width (layout->cr, BORDER_WIDTH);
  cairo_rectangle (layout->cr, x, y, w, h);
  cairo_stroke (layout->cr);
}

/* The header rows of one table, laid out once and drawn on every page. */
typedef struct {
  GaDocTable *table;
  double     *x;          /* n_columns + 1 column edges */
  Cell       *columns;    /* n_columns column headers */
  Cell       *groups;     /* one per group */
  gboolean   *grouped;    /* column lies under a group */
  double      group_h;    /* 0 without groups */
  double      column_h;
  double      height;     /* 0 without a header */
} Header;

static void
header_init (GaDocLayout *layout,
             Header     *header,
             GaDocTable *table,
             double     *x)
{
  guint n = table->n_columns;

  memset (header, 0, sizeof *header);
  header->table = table;
  header->x = x;
  if (table->header == NULL && table->groups->len == 0)
    return;

  header->columns = g_new0 (Cell, n);
  header->grouped = g_new0 (gboolean, n);
  header->groups = g_new0 (Cell, table->groups->len);
  for (guint g = 0; g < table->groups->len; g++)
    {
      GaDocGroup *group = &g_array_index (table->groups, GaDocGroup, g);
      double h;

      cell_init (layout, &header->groups[g], group->text,
                 x[group->first + group->n] - x[group->first], GA_DOC_ALIGN_CENTER, TRUE);
      h = cell_height (&header->groups[g]) + 2 * CELL_PAD_Y;
      header->group_h = MAX (header->group_h, h);
      for (guint c = group->first; c < group->first + group->n; c++)
        header->grouped[c] = TRUE;
    }
  for (guint c = 0; c < n; c++)
    {
      cell_init (layout, &header->columns[c], table->header != NULL ? table->header[c] : "",
                 x[c + 1] - x[c], GA_DOC_ALIGN_CENTER, TRUE);
      if (header->grouped[c] || header->group_h == 0)
        header->column_h = MAX (header->column_h,
                                cell_height (&header->columns[c]) + 2 * CELL_PAD_Y);
    }
  /* A column without a group spans both rows; it may need them taller. */
  for (guint c = 0; c < n; c++)
    if (!header->grouped[c] && header->group_h > 0)
      header->column_h = MAX (header->column_h,
                              cell_height (&header->columns[c]) + 2 * CELL_PAD_Y - header->group_h);
  header->height = header->group_h + header->column_h;
}

static void
header_clear (Header *header)
{
  guint n = header->table->n_columns;

  for (guint c = 0; header->columns != NULL && c < n; c++)
    cell_clear (&header->columns[c]);
  for (guint g = 0; header->groups != NULL && g < header->table->groups->len; g++)
    cell_clear (&header->groups[g]);
  g_free (header->columns);
  g_free (header->groups);
  g_free (header->grouped);
}

/* Draws a cell's text centred vertically in a box. */
static void
draw_centered (GaDocLayout *layout,
               Cell   *cell,
               double  x,
               double  y,
               double  h)
{
  double text_h = cell_height (cell);

  _ga_layout_show (layout, cell->text, x + CELL_PAD_X,
               y + (h - text_h) / 2 - g_array_index (cell->boxes, GaLineBox, 0).top);
}

static void
header_draw (GaDocLayout *layout,
             Header *header)
{
  GaDocTable *table = header->table;
  double y = layout->y;
  double *x = header->x;

  if (header->height == 0)
    return;
  layout->page_empty = FALSE;
  layout->y += header->height;
  if (!_ga_layout_drawing (layout))
    return;

  cairo_save (layout->cr);
  cairo_set_source_rgb (layout->cr, 0.91, 0.91, 0.91);
  cairo_rectangle (layout->cr, x[0], y, x[table->n_columns] - x[0], header->height);
  cairo_fill (layout->cr);
  cairo_restore (layout->cr);

  for (guint g = 0; g < table->groups->len; g++)
    {
      GaDocGroup *group = &g_array_index (table->groups, GaDocGroup, g);
      double w = x[group->first + group->n] - x[group->first];

      draw_centered (layout, &header->groups[g], x[group->first], y, header->group_h);
      stroke_rect (layout, x[group->first], y, w, header->group_h);
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      double top = header->grouped[c] ? y + header->group_h : y;
      double h = header->grouped[c] ? header->column_h : header->height;

      draw_centered (layout, &header->columns[c], x[c], top, h);
      stroke_rect (layout, x[c], top, x[c + 1] - x[c], h);
    }
}

static void
table_new_page (GaDocLayout *layout,
                Header *header)
{
  _ga_layout_new_page (layout);
  header_draw (layout, header);
}

static void
place_row (GaDocLayout *layout,
           Header   *header,
           GaDocRow *row)
{
  GaDocTable *table = header->table;
  guint n = table->n_columns;
  double *x = header->x;
  g_autofree Cell *cells = g_new0 (Cell, n);
  g_autofree guint *next = g_new0 (guint, n);
  double full = 0;
  double page_room = layout->bottom - layout->top - header->height;

  for (guint c = 0; c < n; c++)
    {
      cell_init (layout, &cells[c], row->cells[c], x[c + 1] - x[c], row->align[c], FALSE);
      full = MAX (full, cell_height (&cells[c]));
    }
  full += 2 * CELL_PAD_Y;

  /* A row that fits on a page is never split: it moves to the next page. */
  if (layout->y + full > layout->bottom && full <= page_room)
    table_new_page (layout, header);

  for (;;)
    {
      double room = layout->bottom - layout->y - 2 * CELL_PAD_Y;
      double used = 0;
      gboolean done = TRUE;
      gboolean any = FALSE;
      g_autofree guint *end = g_new0 (guint, n);

      for (guint c = 0; c < n; c++)
        {
          end[c] = next[c];
          while (end[c] < cells[c].boxes->len
                 && cell_lines_height (&cells[c], next[c], end[c] + 1) <= room)
            end[c]++;
          if (end[c] > next[c])
            any = TRUE;
        }
      if (!any)
        {
          /* Not even one line fits below what is already on the page. */
          if (layout->y > layout->top + header->height + 0.01)
            {
              table_new_page (layout, header);
              continue;
            }
          for (guint c = 0; c < n; c++)
            if (end[c] < cells[c].boxes->len)
              end[c]++;
        }
      for (guint c = 0; c < n; c++)
        {
          used = MAX (used, cell_lines_height (&cells[c], next[c], end[c]));
          if (end[c] < cells[c].boxes->len)
            done = FALSE;
        }
      used += 2 * CELL_PAD_Y;

      for (guint c = 0; c < n; c++)
        {
          double top = layout->y + CELL_PAD_Y;

          for (guint line = next[c]; line < end[c]; line++)
            _ga_layout_show_line (layout, cells[c].text, (int) line, x[c] + CELL_PAD_X,
                       top - g_array_index (cells[c].boxes, GaLineBox, next[c]).top);
          stroke_rect (layout, x[c], layout->y, x[c + 1] - x[c], used);
          next[c] = end[c];
        }
      layout->y += used;
      layout->page_empty = FALSE;
      if (done)
        break;
      table_new_page (layout, header);
    }

  for (guint c = 0; c < n; c++)
    cell_clear (&cells[c]);
}

/* The height the table needs at the foot of a page to start there: its
 * header rows and a line of its first row. */
double
_ga_layout_table_lead (GaDocLayout *layout,
                       GaDocTable  *table)
{
  g_autofree double *x = g_new (double, table->n_columns + 1);
  Header header;
  double height;

  x[0] = layout->left;
  for (guint c = 0; c < table->n_columns; c++)
    x[c + 1] = x[c] + table->widths[c] * layout->width;
  x[table->n_columns] = layout->right;
  header_init (layout, &header, table, x);
  height = 3 + header.height;
  if (table->rows->len > 0)
    height += 2 * CELL_PAD_Y + GA_DOC_SIZE_BODY * 1.4;
  header_clear (&header);
  return height;
}

void
_ga_layout_place_table (GaDocLayout *layout,
                        GaDocTable  *table,
                        guint        block,
                        guint        first_row)
{
  g_autofree double *x = g_new (double, table->n_columns + 1);
  Header header;

  x[0] = layout->left;
  for (guint c = 0; c < table->n_columns; c++)
    x[c + 1] = x[c] + table->widths[c] * layout->width;
  x[table->n_columns] = layout->right;

  header_init (layout, &header, table, x);

  if (first_row == 0)
    {
      double first_row_h = 0;

      /* Keep the header with the first body row (or one line of it). */
      if (table->rows->len > 0)
        first_row_h = 2 * CELL_PAD_Y + GA_DOC_SIZE_BODY * 1.4;
      _ga_layout_space (layout, 3);
      _ga_layout_need (layout, header.height + first_row_h);
      header_draw (layout, &header);
    }
  for (guint r = first_row; r < table->rows->len && !_ga_layout_past_target (layout); r++)
    {
      if (r > 0)
        _ga_layout_checkpoint (layout, block, r);
      place_row (layout, &header, table->rows->pdata[r]);
    }
  layout->y += 8;

  header_clear (&header);
}
