/* ga-doc-docx.c: a GaDoc as a WordprocessingML package (DOCX)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package is built in memory with libgsf's zip writer and written to
 * its path in one piece. What the parts contain, and why:
 *
 * - styles.xml defines the built-in heading styles ("heading 1" to
 *   "heading 3", ids Heading1 to Heading3) with outline levels, so Word,
 *   WPS and LibreOffice show them in their navigation panes and build their
 *   tables of contents from them;
 * - the table of contents is a TOC field whose cached result already lists
 *   every heading, each entry linking to a bookmark on its heading and
 *   giving its page through a PAGEREF field; the cached page numbers come
 *   from the PDF layout (same page size, margins and fonts), and
 *   settings.xml asks the word processor to update fields on open, so the
 *   numbers become its own;
 * - the footer holds PAGE and NUMPAGES fields, the header the running
 *   title;
 * - tables are fixed-layout with their header rows marked as repeating
 *   (w:tblHeader); merged headers use gridSpan and vMerge;
 * - images are DrawingML inline pictures in word/media/; a chart is drawn
 *   into a PNG image of its own (ga-doc-chart.c), at 200 dpi;
 * - East Asian text is set in SimSun (宋体) and headings in SimHei (黑体),
 *   the names Word on Windows knows; the font table gives their Chinese
 *   names and the CJK fonts installed here as alternatives.
 *
 * Every string goes through g_markup_escape_text() after the model has
 * removed the characters XML 1.0 cannot carry. A line break inside a
 * paragraph is a w:br, and doNotExpandShiftReturn keeps the line before it
 * from being stretched in justified text.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>

#include "ga-doc-docx-private.h"

/* libgsf 1.14.50 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

static const char *
jc_value (GaDocAlign align)
{
  switch (align)
    {
    case GA_DOC_ALIGN_CENTER:
      return "center";
    case GA_DOC_ALIGN_END:
      return "right";
    case GA_DOC_ALIGN_START:
    default:
      return "left";
    }
}

/* ------------------------------------------------------------------ blocks */

static void
write_heading (Docx       *docx,
               GaDocBlock *block)
{
  GString *xml = docx->xml;
  guint id = block->heading_index + 1;

  g_string_append_printf (xml,
                          "<w:p><w:pPr><w:pStyle w:val=\"Heading%u\"/></w:pPr>"
                          "<w:bookmarkStart w:id=\"%u\" w:name=\"_Toc%u\"/>",
                          block->level, id, 100000 + id);
  append_run (xml, block->text, FALSE);
  g_string_append_printf (xml, "<w:bookmarkEnd w:id=\"%u\"/></w:p>", id);
}

/* `keep_next`: the paragraph introduces the figure after it, and stays
 * on its page. */
static void
write_paragraph (Docx           *docx,
                 GaDocParagraph *paragraph,
                 gboolean        keep_next)
{
  static const char * const styles[] = { "Normal", "Small", "Centered", "Title" };
  GString *xml = docx->xml;

  g_string_append_printf (xml, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>",
                          styles[paragraph->style], keep_next ? "<w:keepNext/>" : "");
  for (guint i = 0; i < paragraph->runs->len; i++)
    {
      GaDocRun *run = &g_array_index (paragraph->runs, GaDocRun, i);

      append_run (xml, run->text, run->bold);
    }
  g_string_append (xml, "</w:p>");
}

static void
write_bullets (Docx       *docx,
               GaDocBlock *block)
{
  for (guint i = 0; block->items[i] != NULL; i++)
    {
      g_string_append (docx->xml, "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr>");
      append_run (docx->xml, block->items[i], FALSE);
      g_string_append (docx->xml, "</w:p>");
    }
}

static void
write_cell (Docx       *docx,
            int         width,
            guint       span,
            const char *vmerge,
            gboolean    header,
            GaDocAlign  align,
            const char *text)
{
  GString *xml = docx->xml;

  g_string_append_printf (xml, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
  if (span > 1)
    g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", span);
  if (vmerge != NULL)
    g_string_append_printf (xml, "<w:vMerge%s/>", vmerge);
  if (header)
    g_string_append (xml, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>"
                          "<w:vAlign w:val=\"center\"/>");
  g_string_append_printf (xml,
                          "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
                          "<w:jc w:val=\"%s\"/></w:pPr>",
                          jc_value (align));
  if (text != NULL)
    append_run (xml, text, header);
  g_string_append (xml, "</w:p></w:tc>");
}

static void
write_table (Docx       *docx,
             GaDocTable *table)
{
  GString *xml = docx->xml;
  g_autofree int *w = g_new (int, table->n_columns);
  g_autofree gboolean *grouped = g_new0 (gboolean, table->n_columns);
  gboolean has_groups = table->groups->len > 0;
  int left = docx->text_width;

  /* Widths in whole twips that add up to the text width exactly. */
  for (guint c = 0; c < table->n_columns; c++)
    {
      w[c] = c + 1 < table->n_columns
             ? (int) lround (table->widths[c] * docx->text_width) : left;
      left -= w[c];
    }

  g_string_append_printf (xml,
                          "<w:tbl><w:tblPr><w:tblW w:w=\"%d\" w:type=\"dxa\"/>"
                          "<w:jc w:val=\"center\"/><w:tblBorders>"
                          "<w:top " OUTER_BORDER "/><w:left " OUTER_BORDER "/>"
                          "<w:bottom " OUTER_BORDER "/><w:right " OUTER_BORDER "/>"
                          "<w:insideH " INNER_BORDER "/><w:insideV " INNER_BORDER "/>"
                          "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
                          "<w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
                          "<w:left w:w=\"80\" w:type=\"dxa\"/>"
                          "<w:bottom w:w=\"40\" w:type=\"dxa\"/>"
                          "<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar>"
                          "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\""
                          " w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\""
                          " w:noVBand=\"1\"/>"
                          "</w:tblPr><w:tblGrid>",
                          docx->text_width);
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (xml, "<w:gridCol w:w=\"%d\"/>", w[c]);
  g_string_append (xml, "</w:tblGrid>");

  if (has_groups)
    {
      guint c = 0;

      g_string_append (xml, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
      for (guint g = 0; g < table->groups->len; g++)
        {
          GaDocGroup *group = &g_array_index (table->groups, GaDocGroup, g);
          int span_w = 0;

          /* Columns before the group span both header rows. */
          for (; c < group->first; c++)
            write_cell (docx, w[c], 1, " w:val=\"restart\"", TRUE, GA_DOC_ALIGN_CENTER,
                        table->header != NULL ? table->header[c] : "");
          for (; c < group->first + group->n; c++)
            {
              grouped[c] = TRUE;
              span_w += w[c];
            }
          write_cell (docx, span_w, group->n, NULL, TRUE, GA_DOC_ALIGN_CENTER, group->text);
        }
      for (; c < table->n_columns; c++)
        write_cell (docx, w[c], 1, " w:val=\"restart\"", TRUE, GA_DOC_ALIGN_CENTER,
                    table->header != NULL ? table->header[c] : "");
      g_string_append (xml, "</w:tr>");
    }
  if (has_groups || table->header != NULL)
    {
      g_string_append (xml, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (has_groups && !grouped[c])
            write_cell (docx, w[c], 1, "", TRUE, GA_DOC_ALIGN_CENTER, NULL);
          else
            write_cell (docx, w[c], 1, NULL, TRUE, GA_DOC_ALIGN_CENTER,
                        table->header != NULL ? table->header[c] : "");
        }
      g_string_append (xml, "</w:tr>");
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      GaDocRow *row = table->rows->pdata[r];

      g_string_append (xml, "<w:tr>");
      for (guint c = 0; c < table->n_columns; c++)
        write_cell (docx, w[c], 1, NULL, FALSE, row->align[c], row->cells[c]);
      g_string_append (xml, "</w:tr>");
    }
  g_string_append (xml, "</w:tbl>");
  /* A paragraph after every table keeps two tables from merging and gives
   * the body a paragraph before the section properties. */
  g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
}

static void
write_image (Docx       *docx,
             GaDocImage *image)
{
  GString *xml = docx->xml;
  double width_mm = MIN (image->width_mm, GA_DOC_PAGE_WIDTH_MM - 2 * GA_DOC_MARGIN_SIDE_MM);
  double height_mm = width_mm * image->pixel_height / image->pixel_width;
  double max_h = GA_DOC_PAGE_HEIGHT_MM - GA_DOC_MARGIN_TOP_MM - GA_DOC_MARGIN_BOTTOM_MM - 20;
  guint n;
  gint64 cx, cy;

  if (height_mm > max_h)
    {
      width_mm *= max_h / height_mm;
      height_mm = max_h;
    }
  g_ptr_array_add (docx->media, image);
  n = docx->media->len;
  cx = (gint64) llround (width_mm * EMU_PER_MM);
  cy = (gint64) llround (height_mm * EMU_PER_MM);

  g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"Figure\"/></w:pPr><w:r><w:drawing>"
                        "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">");
  g_string_append_printf (xml,
                          "<wp:extent cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/>"
                          "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
                          "<wp:docPr id=\"%u\" name=\"Picture %u\" descr=\"",
                          cx, cy, n, n);
  append_escaped (xml, image->caption != NULL ? image->caption : "");
  g_string_append_printf (xml,
                          "\"/><wp:cNvGraphicFramePr>"
                          "<a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
                          "<a:graphic><a:graphicData uri=\"" NS_PIC "\">"
                          "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"%u\" name=\"image%u.png\"/>"
                          "<pic:cNvPicPr/></pic:nvPicPr>"
                          "<pic:blipFill><a:blip r:embed=\"rIdImage%u\"/>"
                          "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
                          "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/>"
                          "<a:ext cx=\"%" G_GINT64_FORMAT "\" cy=\"%" G_GINT64_FORMAT "\"/>"
                          "</a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
                          "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
                          "</w:r></w:p>",
                          n, n, n, cx, cy);
  if (image->caption != NULL)
    {
      g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr>");
      append_run (xml, image->caption, FALSE);
      g_string_append (xml, "</w:p>");
    }
}

static void
write_field_run (GString    *xml,
                 const char *type)
{
  g_string_append_printf (xml, "<w:r><w:fldChar w:fldCharType=\"%s\"/></w:r>", type);
}

static void
write_instr (GString    *xml,
             const char *instr)
{
  g_string_append (xml, "<w:r><w:instrText xml:space=\"preserve\">");
  append_escaped (xml, instr);
  g_string_append (xml, "</w:instrText></w:r>");
}

static void
write_toc (Docx *docx)
{
  GString *xml = docx->xml;
  gboolean first = TRUE;

  g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr>");
  append_run (xml, ga_doc_toc_title (docx->doc), FALSE);
  g_string_append (xml, "</w:p>");

  for (guint b = 0; b < docx->doc->blocks->len; b++)
    {
      GaDocBlock *block = docx->doc->blocks->pdata[b];
      guint id = block->heading_index + 1;
      g_autofree char *pageref = NULL;
      g_autofree char *page = NULL;

      if (block->kind != GA_DOC_BLOCK_HEADING)
        continue;
      g_string_append_printf (xml, "<w:p><w:pPr><w:pStyle w:val=\"TOC%u\"/></w:pPr>",
                              block->level);
      if (first)
        {
          write_field_run (xml, "begin");
          write_instr (xml, " TOC \\o \"1-3\" \\h \\z \\u ");
          write_field_run (xml, "separate");
          first = FALSE;
        }
      g_string_append_printf (xml, "<w:hyperlink w:anchor=\"_Toc%u\" w:history=\"1\">",
                              100000 + id);
      append_run (xml, block->text, FALSE);
      g_string_append (xml, "<w:r><w:tab/></w:r>");
      pageref = g_strdup_printf (" PAGEREF _Toc%u \\h ", 100000 + id);
      page = g_strdup_printf ("%u", ga_doc_layout_get_heading_page (docx->layout,
                                                                    block->heading_index));
      write_field_run (xml, "begin");
      write_instr (xml, pageref);
      write_field_run (xml, "separate");
      append_run (xml, page, FALSE);
      write_field_run (xml, "end");
      g_string_append (xml, "</w:hyperlink></w:p>");
    }

  if (first)
    {
      /* No headings yet: an empty field the word processor fills. */
      g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>");
      write_field_run (xml, "begin");
      write_instr (xml, " TOC \\o \"1-3\" \\h \\z \\u ");
      write_field_run (xml, "separate");
      write_field_run (xml, "end");
      g_string_append (xml, "</w:p>");
    }
  else
    {
      g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr>");
      write_field_run (xml, "end");
      g_string_append (xml, "</w:p>");
    }
}

static void
write_signature (Docx       *docx,
                 GaDocBlock *block)
{
  for (guint i = 0; block->items[i] != NULL; i++)
    {
      g_string_append (docx->xml, "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/></w:pPr>");
      append_run (docx->xml, block->items[i], FALSE);
      /* An underlined tab to the right margin is the line to sign on. */
      g_string_append (docx->xml, "<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:tab/></w:r>"
                                  "</w:p>");
    }
}

/* A paragraph of at most 120 characters right before a figure, or a note
 * in the small style right before a table: the layout keeps such a
 * paragraph (three lines at most) with the figure or the table's head. */
static gboolean
introduces_figure (GaDoc *doc,
                   guint  b)
{
  GaDocBlock *next = b + 1 < doc->blocks->len ? doc->blocks->pdata[b + 1] : NULL;
  GaDocParagraph *paragraph = &((GaDocBlock *) doc->blocks->pdata[b])->paragraph;
  glong length = 0;

  if (next == NULL)
    return FALSE;
  if (next->kind == GA_DOC_BLOCK_TABLE && paragraph->style != GA_DOC_STYLE_SMALL)
    return FALSE;
  if (next->kind != GA_DOC_BLOCK_IMAGE && next->kind != GA_DOC_BLOCK_CHART
      && next->kind != GA_DOC_BLOCK_TABLE)
    return FALSE;
  for (guint i = 0; i < paragraph->runs->len; i++)
    length += g_utf8_strlen (g_array_index (paragraph->runs, GaDocRun, i).text, -1);
  return length <= 120;
}

static char *
document_xml (Docx *docx)
{
  GString *xml = g_string_new (XML_DECL);
  gboolean break_pending = FALSE;

  docx->xml = xml;
  g_string_append (xml, "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\""
                        " xmlns:wp=\"" NS_WP "\" xmlns:a=\"" NS_A "\" xmlns:pic=\"" NS_PIC "\">"
                        "<w:body>");
  for (guint b = 0; b < docx->doc->blocks->len; b++)
    {
      GaDocBlock *block = docx->doc->blocks->pdata[b];

      if (break_pending && block->kind != GA_DOC_BLOCK_PAGE_BREAK)
        {
          g_string_append (xml, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
          break_pending = FALSE;
        }
      switch (block->kind)
        {
        case GA_DOC_BLOCK_HEADING:
          write_heading (docx, block);
          break;
        case GA_DOC_BLOCK_PARAGRAPH:
          write_paragraph (docx, &block->paragraph, introduces_figure (docx->doc, b));
          break;
        case GA_DOC_BLOCK_BULLETS:
          write_bullets (docx, block);
          break;
        case GA_DOC_BLOCK_TABLE:
          write_table (docx, &block->table);
          break;
        case GA_DOC_BLOCK_IMAGE:
          write_image (docx, &block->image);
          break;
        case GA_DOC_BLOCK_CHART:
          write_image (docx, g_ptr_array_index (docx->charts, b));
          break;
        case GA_DOC_BLOCK_PAGE_BREAK:
          /* Several breaks in a row make one, as in the PDF; a break at
           * the very end makes none. */
          break_pending = TRUE;
          break;
        case GA_DOC_BLOCK_TOC:
          write_toc (docx);
          break;
        case GA_DOC_BLOCK_SIGNATURE:
          write_signature (docx, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_printf (xml,
                          "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/>"
                          "<w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
                          "<w:pgSz w:w=\"%d\" w:h=\"%d\"/>"
                          "<w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" w:left=\"%d\""
                          " w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
                          "<w:cols w:space=\"425\"/></w:sectPr></w:body></w:document>",
                          twips (GA_DOC_PAGE_WIDTH_MM), twips (GA_DOC_PAGE_HEIGHT_MM),
                          twips (GA_DOC_MARGIN_TOP_MM), twips (GA_DOC_MARGIN_SIDE_MM),
                          twips (GA_DOC_MARGIN_BOTTOM_MM), twips (GA_DOC_MARGIN_SIDE_MM));
  docx->xml = NULL;
  return g_string_free (xml, FALSE);
}

/* ------------------------------------------------------------------ the package */

static gboolean
add_part (GsfOutfile   *dir,
          const char   *name,
          GDateTime    *modtime,
          const void   *data,
          gsize         len,
          GError      **error)
{
  g_autoptr(GsfOutput) child = gsf_outfile_new_child_full (dir, name, FALSE,
                                                           "modtime", modtime, NULL);

  if (child == NULL
      || !gsf_output_write (child, len, data)
      || !gsf_output_close (child))
    {
      g_set_error (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE,
                   "Cannot add “%s” to the document package", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_text_part (GsfOutfile  *dir,
               const char  *name,
               GDateTime   *modtime,
               char        *text,   /* freed */
               GError     **error)
{
  gboolean ok = add_part (dir, name, modtime, text, strlen (text), error);

  g_free (text);
  return ok;
}

static GsfOutfile *
new_folder (GsfOutfile *parent,
            const char *name)
{
  return GSF_OUTFILE (gsf_outfile_new_child (parent, name, TRUE));
}

static gboolean
build_package (Docx       *docx,
               GsfOutfile *zip,
               GError    **error)
{
  GaDoc *doc = docx->doc;
  GDateTime *when = ga_doc_get_date (doc);
  g_autoptr(GsfOutfile) rels = NULL;
  g_autoptr(GsfOutfile) word = NULL;
  g_autoptr(GsfOutfile) word_rels = NULL;
  g_autoptr(GsfOutfile) media = NULL;
  g_autoptr(GsfOutfile) props = NULL;
  char *document;

  document = document_xml (docx);
  if (!add_text_part (zip, "[Content_Types].xml", when, _ga_docx_content_types_xml (), error))
    {
      g_free (document);
      return FALSE;
    }

  rels = new_folder (zip, "_rels");
  if (!add_part (rels, ".rels", when, _ga_docx_package_rels, strlen (_ga_docx_package_rels),
                 error))
    {
      g_free (document);
      return FALSE;
    }
  gsf_output_close (GSF_OUTPUT (rels));

  word = new_folder (zip, "word");
  if (!add_text_part (word, "document.xml", when, document, error)
      || !add_text_part (word, "styles.xml", when, _ga_docx_styles_xml (docx), error)
      || !add_text_part (word, "settings.xml", when, _ga_docx_settings_xml (doc), error)
      || !add_text_part (word, "fontTable.xml", when, _ga_docx_font_table_xml (), error)
      || !add_part (word, "numbering.xml", when, _ga_docx_numbering,
                    strlen (_ga_docx_numbering), error)
      || !add_text_part (word, "header1.xml", when, _ga_docx_header_xml (doc), error)
      || !add_text_part (word, "footer1.xml", when, _ga_docx_footer_xml (doc), error))
    return FALSE;

  word_rels = new_folder (word, "_rels");
  if (!add_text_part (word_rels, "document.xml.rels", when,
                      _ga_docx_document_rels_xml (docx->media->len), error))
    return FALSE;
  gsf_output_close (GSF_OUTPUT (word_rels));

  if (docx->media->len > 0)
    {
      media = new_folder (word, "media");
      for (guint i = 0; i < docx->media->len; i++)
        {
          GaDocImage *image = docx->media->pdata[i];
          g_autofree char *name = g_strdup_printf ("image%u.png", i + 1);
          gsize len;
          const void *data = g_bytes_get_data (image->png, &len);

          if (!add_part (media, name, when, data, len, error))
            return FALSE;
        }
      gsf_output_close (GSF_OUTPUT (media));
    }
  gsf_output_close (GSF_OUTPUT (word));

  props = new_folder (zip, "docProps");
  if (!add_text_part (props, "core.xml", when, _ga_docx_core_xml (doc), error)
      || !add_part (props, "app.xml", when, _ga_docx_app_xml, strlen (_ga_docx_app_xml),
                    error))
    return FALSE;
  gsf_output_close (GSF_OUTPUT (props));
  return TRUE;
}

static void
chart_image_free (gpointer data)
{
  GaDocImage *image = data;

  if (image == NULL)
    return;
  g_bytes_unref (image->png);
  g_free (image);
}

/* Each chart as the picture the document shows: drawn as wide as the
 * text, a PNG image of its own. */
static gboolean
draw_charts (Docx    *docx,
             GError **error)
{
  GaDoc *doc = docx->doc;
  double width = (GA_DOC_PAGE_WIDTH_MM - 2 * GA_DOC_MARGIN_SIDE_MM) * PT_PER_MM;

  docx->charts = g_ptr_array_new_with_free_func (chart_image_free);
  for (guint b = 0; b < doc->blocks->len; b++)
    {
      GaDocBlock *block = doc->blocks->pdata[b];
      GaDocImage *image = NULL;

      if (block->kind == GA_DOC_BLOCK_CHART)
        {
          image = g_new0 (GaDocImage, 1);
          g_ptr_array_add (docx->charts, image);
          image->png = ga_doc_chart_to_png (&block->chart, ga_doc_get_language (doc), width,
                                            CHART_PX_PER_PT, &image->pixel_width,
                                            &image->pixel_height, error);
          if (image->png == NULL)
            return FALSE;
          image->width_mm = width / PT_PER_MM;
          image->caption = block->chart.caption;
          continue;
        }
      g_ptr_array_add (docx->charts, NULL);
    }
  return TRUE;
}

static void
docx_clear (Docx *docx)
{
  g_clear_pointer (&docx->layout, ga_doc_layout_free);
  g_clear_pointer (&docx->charts, g_ptr_array_unref);
  g_clear_pointer (&docx->media, g_ptr_array_unref);
}

gboolean
ga_doc_write_docx (GaDoc       *doc,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GsfOutput) sink = NULL;
  g_autoptr(GsfOutfile) zip = NULL;
  Docx docx = { 0 };
  double width, height;
  gboolean ok;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  docx.doc = doc;
  docx.text_width = twips (GA_DOC_PAGE_WIDTH_MM) - 2 * twips (GA_DOC_MARGIN_SIDE_MM);
  docx.media = g_ptr_array_new ();
  ga_doc_layout_get_default_page (&width, &height, NULL);
  docx.layout = ga_doc_layout_new (doc, width, height, NULL, error);
  if (docx.layout == NULL || !draw_charts (&docx, error))
    {
      docx_clear (&docx);
      return FALSE;
    }

  sink = gsf_output_memory_new ();
  /* Zip64 records only when a part needs them: Word refuses some packages
   * that carry them needlessly. */
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", 0, NULL);
  ok = build_package (&docx, zip, error);
  if (!gsf_output_close (GSF_OUTPUT (zip)) && ok)
    {
      g_set_error_literal (error, GA_DOC_ERROR, GA_DOC_ERROR_WRITE,
                           "Cannot finish the document package");
      ok = FALSE;
    }
  docx_clear (&docx);
  if (!ok)
    return FALSE;

  return ga_doc_replace_file (path,
                              gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                              (gsize) gsf_output_size (sink), error);
}
