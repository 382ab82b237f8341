/* ga-doc-docx-private.h: what the files of the DOCX writer share
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ga-doc-docx.c writes the document's body (word/document.xml) and puts
 * the package together; ga-doc-docx-parts.c writes the other parts: the
 * styles, the font table, the header and the footer, the settings, the
 * numbering, the content types, the relationships and the properties.
 */
#pragma once

#include <math.h>

#include "ga-doc-layout-private.h"

G_BEGIN_DECLS

#define TWIPS_PER_MM (1440.0 / 25.4)
#define EMU_PER_MM   36000.0

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A   "http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC "http://schemas.openxmlformats.org/drawingml/2006/picture"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CORE "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

#define OUTER_BORDER "w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\""
#define INNER_BORDER "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""

#define BODY_EAST_ASIA    "SimSun"
#define HEADING_EAST_ASIA "SimHei"
#define BODY_LATIN        "Times New Roman"
#define HEADING_LATIN     "Arial"

#define CHART_PX_PER_PT (200.0 / 72.0)

typedef struct {
  GaDoc       *doc;
  GString     *xml;
  int          text_width;     /* twips */
  GaDocLayout *layout;         /* the PDF's pages, for the page numbers of the contents */
  GPtrArray   *charts;         /* GaDocImage* of each chart block's picture, NULL for others */
  GPtrArray   *media;          /* GaDocImage* per picture in word/media/, in document order */
} Docx;

static inline int
twips (double mm)
{
  return (int) lround (mm * TWIPS_PER_MM);
}

static inline void
append_escaped (GString    *xml,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (xml, escaped);
}

/* Text as w:t elements with w:br for each "\n"; run properties are the
 * caller's, so this goes inside one w:r. */
static inline void
append_text (GString    *xml,
             const char *text)
{
  const char *line = text;

  for (;;)
    {
      const char *end = strchr (line, '\n');
      g_autofree char *part = g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));

      if (*part != '\0')
        {
          g_string_append (xml, "<w:t xml:space=\"preserve\">");
          append_escaped (xml, part);
          g_string_append (xml, "</w:t>");
        }
      if (end == NULL)
        break;
      g_string_append (xml, "<w:br/>");
      line = end + 1;
    }
}

static inline void
append_run (GString    *xml,
            const char *text,
            gboolean    bold)
{
  g_string_append (xml, "<w:r>");
  if (bold)
    g_string_append (xml, "<w:rPr><w:b/><w:bCs/></w:rPr>");
  append_text (xml, text);
  g_string_append (xml, "</w:r>");
}

/* ga-doc-docx-parts.c */
char             *_ga_docx_styles_xml         (Docx       *docx);
char             *_ga_docx_font_table_xml     (void);
char             *_ga_docx_header_xml         (GaDoc      *doc);
char             *_ga_docx_footer_xml         (GaDoc      *doc);
char             *_ga_docx_settings_xml       (GaDoc      *doc);
char             *_ga_docx_content_types_xml  (void);
/* The document's relationships, `n_images` pictures in word/media/ among
 * them. */
char             *_ga_docx_document_rels_xml  (guint       n_images);
char             *_ga_docx_core_xml           (GaDoc      *doc);
extern const char _ga_docx_numbering[];
extern const char _ga_docx_package_rels[];
extern const char _ga_docx_app_xml[];

G_END_DECLS
