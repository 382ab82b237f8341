/* ga-doc-docx-parts.c: the parts of a DOCX package around the document's
 * body
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See ga-doc-docx.c for what the parts contain and why.
 */
#include "config.h"

#include <string.h>

#include "ga-doc-docx-private.h"

/* What most paragraph styles share: no first-line indent, whatever the
 * language, and the heading fonts. */
static const char no_indent[] = "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>";
static const char heading_fonts[] = "<w:rFonts w:ascii=\"" HEADING_LATIN "\" w:hAnsi=\"" HEADING_LATIN
                                    "\" w:eastAsia=\"" HEADING_EAST_ASIA "\"/>";

/* Appends the document defaults (fonts, size, language, line spacing)
 * and the Normal style of body text. */
static void
append_defaults (GString *xml,
                 gboolean zh)
{
  g_string_append (xml, "<w:styles xmlns:w=\"" NS_W "\"><w:docDefaults><w:rPrDefault><w:rPr>"
                        "<w:rFonts w:ascii=\"" BODY_LATIN "\" w:hAnsi=\"" BODY_LATIN "\""
                        " w:eastAsia=\"" BODY_EAST_ASIA "\" w:cs=\"" BODY_LATIN "\"/>"
                        "<w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
                        "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
                        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
                        "<w:spacing w:after=\"0\" w:line=\"312\" w:lineRule=\"auto\"/>"
                        "</w:pPr></w:pPrDefault></w:docDefaults>");

  /* Body text: justified, 6 pt after; Chinese paragraphs indent two
   * characters, as the PDF does. */
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                          "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/>"
                          "<w:spacing w:after=\"120\" w:line=\"312\" w:lineRule=\"auto\"/>%s"
                          "<w:jc w:val=\"both\"/></w:pPr></w:style>",
                          zh ? "<w:ind w:firstLineChars=\"200\" w:firstLine=\"420\"/>" : "");
}

/* Appends the heading styles of levels 1 to 3 and the title. */
static void
append_heading_styles (GString *xml)
{
  static const struct { int size, before, after; } headings[] = {
    { 32, 360, 180 }, { 28, 240, 120 }, { 24, 180, 80 },
  };

  for (guint l = 0; l < G_N_ELEMENTS (headings); l++)
    g_string_append_printf (xml,
                            "<w:style w:type=\"paragraph\" w:styleId=\"Heading%u\">"
                            "<w:name w:val=\"heading %u\"/><w:basedOn w:val=\"Normal\"/>"
                            "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
                            "<w:pPr><w:keepNext/><w:keepLines/>"
                            "<w:spacing w:before=\"%d\" w:after=\"%d\" w:line=\"312\""
                            " w:lineRule=\"auto\"/>%s<w:jc w:val=\"left\"/>"
                            "<w:outlineLvl w:val=\"%u\"/></w:pPr>"
                            "<w:rPr>%s<w:b/><w:bCs/><w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/>"
                            "</w:rPr></w:style>",
                            l + 1, l + 1, headings[l].before, headings[l].after, no_indent, l,
                            heading_fonts, headings[l].size, headings[l].size);

  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"Title\">"
                          "<w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>"
                          "<w:pPr><w:spacing w:before=\"480\" w:after=\"480\"/>%s"
                          "<w:jc w:val=\"center\"/></w:pPr>"
                          "<w:rPr>%s<w:b/><w:bCs/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>"
                          "</w:rPr></w:style>",
                          no_indent, heading_fonts);
}

/* Appends the paragraph styles of blocks in the body: small text,
 * centred lines, table text, the gap after a table, figures, captions,
 * bullet lists and signature lines. */
static void
append_block_styles (GString    *xml,
                     const Docx *docx)
{
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Small\">"
                          "<w:name w:val=\"Small Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
                          "<w:pPr><w:spacing w:after=\"80\"/>%s<w:jc w:val=\"left\"/></w:pPr>"
                          "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
                          " w:styleId=\"Centered\"><w:name w:val=\"Centered\"/>"
                          "<w:basedOn w:val=\"Normal\"/><w:qFormat/>"
                          "<w:pPr>%s<w:jc w:val=\"center\"/></w:pPr></w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
                          " w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
                          "<w:basedOn w:val=\"Normal\"/>"
                          "<w:pPr><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/>%s"
                          "</w:pPr></w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:customStyle=\"1\""
                          " w:styleId=\"AfterTable\"><w:name w:val=\"After Table\"/>"
                          "<w:basedOn w:val=\"Normal\"/>"
                          "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>%s"
                          "</w:pPr><w:rPr><w:sz w:val=\"12\"/><w:szCs w:val=\"12\"/></w:rPr>"
                          "</w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Figure\">"
                          "<w:name w:val=\"Figure\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:next w:val=\"Caption\"/><w:pPr><w:keepNext/>"
                          "<w:spacing w:before=\"80\" w:after=\"0\" w:line=\"240\""
                          " w:lineRule=\"auto\"/>%s<w:jc w:val=\"center\"/></w:pPr></w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"Caption\">"
                          "<w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/><w:qFormat/>"
                          "<w:pPr><w:spacing w:before=\"60\" w:after=\"160\"/>%s"
                          "<w:jc w:val=\"center\"/></w:pPr>"
                          "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\">"
                          "<w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:uiPriority w:val=\"99\"/><w:pPr>"
                          "<w:numPr><w:numId w:val=\"1\"/></w:numPr>"
                          "<w:spacing w:after=\"40\"/>"
                          "<w:ind w:left=\"360\" w:hanging=\"360\" w:firstLineChars=\"0\"/>"
                          "<w:jc w:val=\"left\"/></w:pPr></w:style>");
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"Signature\">"
                          "<w:name w:val=\"Signature\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:pPr><w:keepNext/><w:keepLines/>"
                          "<w:tabs><w:tab w:val=\"right\" w:pos=\"%d\"/></w:tabs>"
                          "<w:spacing w:before=\"440\" w:after=\"0\"/>"
                          "<w:ind w:left=\"%d\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
                          "<w:jc w:val=\"left\"/></w:pPr></w:style>",
                          docx->text_width, (int) lround (docx->text_width * 0.42));
}

/* Appends the styles of the table of contents: its heading and its
 * three levels of entries. */
static void
append_toc_styles (GString    *xml,
                   const Docx *docx)
{
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\">"
                          "<w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
                          "<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/>"
                          "<w:spacing w:before=\"240\" w:after=\"240\"/>%s"
                          "<w:jc w:val=\"center\"/></w:pPr>"
                          "<w:rPr>%s<w:b/><w:bCs/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
                          "</w:rPr></w:style>",
                          no_indent, heading_fonts);
  for (guint l = 1; l <= 3; l++)
    g_string_append_printf (xml,
                            "<w:style w:type=\"paragraph\" w:styleId=\"TOC%u\">"
                            "<w:name w:val=\"toc %u\"/><w:basedOn w:val=\"Normal\"/>"
                            "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
                            "<w:unhideWhenUsed/><w:pPr>"
                            "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"%d\"/>"
                            "</w:tabs><w:spacing w:after=\"60\"/>"
                            "<w:ind w:left=\"%d\" w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
                            "<w:jc w:val=\"left\"/></w:pPr>%s</w:style>",
                            l, l, docx->text_width, (int) (l - 1) * 420,
                            l == 1 ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "");
}

/* Appends the page header and footer styles. */
static void
append_page_styles (GString *xml)
{
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"Header\">"
                          "<w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr>"
                          "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\""
                          " w:color=\"auto\"/></w:pBdr>"
                          "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>%s"
                          "<w:jc w:val=\"center\"/></w:pPr>"
                          "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
                          no_indent);
  g_string_append_printf (xml,
                          "<w:style w:type=\"paragraph\" w:styleId=\"Footer\">"
                          "<w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
                          "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr>"
                          "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>%s"
                          "<w:jc w:val=\"center\"/></w:pPr>"
                          "<w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>",
                          no_indent);
}

/* Appends the hyperlink character style and the default table style,
 * and closes the styles part. */
static void
append_link_and_table_styles (GString *xml)
{
  g_string_append (xml, "<w:style w:type=\"character\" w:styleId=\"Hyperlink\">"
                        "<w:name w:val=\"Hyperlink\"/><w:uiPriority w:val=\"99\"/>"
                        "<w:unhideWhenUsed/><w:rPr><w:color w:val=\"0563C1\"/>"
                        "<w:u w:val=\"single\"/></w:rPr></w:style>"
                        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
                        "<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/>"
                        "<w:semiHidden/><w:unhideWhenUsed/><w:tblPr>"
                        "<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
                        "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
                        "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
                        "</w:tblCellMar></w:tblPr></w:style>"
                        "</w:styles>");
}

char *
_ga_docx_styles_xml (Docx *docx)
{
  GString *xml = g_string_new (XML_DECL);
  gboolean zh = ga_doc_get_language (docx->doc) == GA_DOC_LANG_ZH_CN;

  append_defaults (xml, zh);
  append_heading_styles (xml);
  append_block_styles (xml, docx);
  append_toc_styles (xml, docx);
  append_page_styles (xml);
  append_link_and_table_styles (xml);
  return g_string_free (xml, FALSE);
}

char *
_ga_docx_font_table_xml (void)
{
  GString *xml = g_string_new (XML_DECL);
  const char * const *fallbacks = ga_doc_fallback_families ();

  g_string_append (xml, "<w:fonts xmlns:w=\"" NS_W "\">"
                        "<w:font w:name=\"" BODY_EAST_ASIA "\"><w:altName w:val=\"宋体\"/>"
                        "<w:panose1 w:val=\"02010600030101010101\"/><w:charset w:val=\"86\"/>"
                        "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
                        "<w:font w:name=\"" HEADING_EAST_ASIA "\"><w:altName w:val=\"黑体\"/>"
                        "<w:panose1 w:val=\"02010609060101010101\"/><w:charset w:val=\"86\"/>"
                        "<w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
                        "<w:font w:name=\"" BODY_LATIN "\">"
                        "<w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/>"
                        "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
                        "<w:font w:name=\"" HEADING_LATIN "\">"
                        "<w:panose1 w:val=\"020B0604020202020204\"/><w:charset w:val=\"00\"/>"
                        "<w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>");
  /* The CJK fonts of this machine, for readers that have them and not
   * SimSun or SimHei. */
  for (guint i = 0; fallbacks != NULL && fallbacks[i] != NULL; i++)
    {
      g_string_append (xml, "<w:font w:name=\"");
      append_escaped (xml, fallbacks[i]);
      g_string_append (xml, "\"><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/>"
                            "<w:pitch w:val=\"variable\"/></w:font>");
    }
  g_string_append (xml, "</w:fonts>");
  return g_string_free (xml, FALSE);
}

char *
_ga_docx_header_xml (GaDoc *doc)
{
  GString *xml = g_string_new (XML_DECL);
  const char *running = ga_doc_get_running_title (doc);

  g_string_append (xml, "<w:hdr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">"
                        "<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>");
  if (running != NULL && *running != '\0')
    append_run (xml, running, FALSE);
  g_string_append (xml, "</w:p></w:hdr>");
  return g_string_free (xml, FALSE);
}

static void
append_simple_field (GString    *xml,
                     const char *instr)
{
  g_string_append_printf (xml, "<w:fldSimple w:instr=\" %s \"><w:r><w:rPr><w:noProof/></w:rPr>"
                               "<w:t>1</w:t></w:r></w:fldSimple>",
                          instr);
}

char *
_ga_docx_footer_xml (GaDoc *doc)
{
  GString *xml = g_string_new (XML_DECL);
  gboolean zh = ga_doc_get_language (doc) == GA_DOC_LANG_ZH_CN;

  g_string_append (xml, "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\">"
                        "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
  append_run (xml, zh ? "第 " : "Page ", FALSE);
  append_simple_field (xml, "PAGE");
  append_run (xml, zh ? " 页 共 " : " of ", FALSE);
  append_simple_field (xml, "NUMPAGES");
  if (zh)
    append_run (xml, " 页", FALSE);
  g_string_append (xml, "</w:p></w:ftr>");
  return g_string_free (xml, FALSE);
}

char *
_ga_docx_settings_xml (GaDoc *doc)
{
  return g_strdup_printf (XML_DECL
                          "<w:settings xmlns:w=\"" NS_W "\"><w:zoom w:percent=\"100\"/>"
                          "<w:defaultTabStop w:val=\"420\"/>"
                          "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
                          "<w:updateFields w:val=\"true\"/>"
                          "<w:compat><w:doNotExpandShiftReturn/>"
                          "<w:compatSetting w:name=\"compatibilityMode\""
                          " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
                          "</w:compat><w:themeFontLang w:val=\"%s\" w:eastAsia=\"zh-CN\"/>"
                          "</w:settings>",
                          ga_doc_get_language (doc) == GA_DOC_LANG_ZH_CN ? "zh-CN" : "en-US");
}

const char _ga_docx_numbering[] =
  XML_DECL
  "<w:numbering xmlns:w=\"" NS_W "\"><w:abstractNum w:abstractNumId=\"0\">"
  "<w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
  "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/>"
  "<w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>"
  "<w:rPr><w:rFonts w:ascii=\"" HEADING_LATIN "\" w:hAnsi=\"" HEADING_LATIN "\"/></w:rPr>"
  "</w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
  "</w:numbering>";

#define CT_WML "application/vnd.openxmlformats-officedocument.wordprocessingml."

char *
_ga_docx_content_types_xml (void)
{
  static const char * const overrides[][2] = {
    { "/word/document.xml", CT_WML "document.main+xml" },
    { "/word/styles.xml", CT_WML "styles+xml" },
    { "/word/settings.xml", CT_WML "settings+xml" },
    { "/word/fontTable.xml", CT_WML "fontTable+xml" },
    { "/word/numbering.xml", CT_WML "numbering+xml" },
    { "/word/header1.xml", CT_WML "header+xml" },
    { "/word/footer1.xml", CT_WML "footer+xml" },
    { "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml" },
    { "/docProps/app.xml",
      "application/vnd.openxmlformats-officedocument.extended-properties+xml" },
  };
  GString *xml = g_string_new (XML_DECL);

  g_string_append (xml, "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        "content-types\"><Default Extension=\"rels\" ContentType=\""
                        "application/vnd.openxmlformats-package.relationships+xml\"/>"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Default Extension=\"png\" ContentType=\"image/png\"/>");
  for (guint i = 0; i < G_N_ELEMENTS (overrides); i++)
    g_string_append_printf (xml, "<Override PartName=\"%s\" ContentType=\"%s\"/>",
                            overrides[i][0], overrides[i][1]);
  g_string_append (xml, "</Types>");
  return g_string_free (xml, FALSE);
}

const char _ga_docx_package_rels[] =
  XML_DECL
  "<Relationships xmlns=\"" NS_REL "\">"
  "<Relationship Id=\"rId1\" Type=\"" REL_BASE "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\""
  " Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
  " Target=\"docProps/core.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"" REL_BASE "extended-properties\" Target=\"docProps/app.xml\"/>"
  "</Relationships>";

char *
_ga_docx_document_rels_xml (guint n_images)
{
  GString *xml = g_string_new (XML_DECL);

  g_string_append (xml, "<Relationships xmlns=\"" NS_REL "\">"
                        "<Relationship Id=\"rIdStyles\" Type=\"" REL_BASE "styles\""
                        " Target=\"styles.xml\"/>"
                        "<Relationship Id=\"rIdSettings\" Type=\"" REL_BASE "settings\""
                        " Target=\"settings.xml\"/>"
                        "<Relationship Id=\"rIdFonts\" Type=\"" REL_BASE "fontTable\""
                        " Target=\"fontTable.xml\"/>"
                        "<Relationship Id=\"rIdNumbering\" Type=\"" REL_BASE "numbering\""
                        " Target=\"numbering.xml\"/>"
                        "<Relationship Id=\"rIdHeader\" Type=\"" REL_BASE "header\""
                        " Target=\"header1.xml\"/>"
                        "<Relationship Id=\"rIdFooter\" Type=\"" REL_BASE "footer\""
                        " Target=\"footer1.xml\"/>");
  for (guint i = 1; i <= n_images; i++)
    g_string_append_printf (xml,
                            "<Relationship Id=\"rIdImage%u\" Type=\"" REL_BASE "image\""
                            " Target=\"media/image%u.png\"/>",
                            i, i);
  g_string_append (xml, "</Relationships>");
  return g_string_free (xml, FALSE);
}

char *
_ga_docx_core_xml (GaDoc *doc)
{
  GString *xml = g_string_new (XML_DECL);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (ga_doc_get_date (doc));
  g_autofree char *date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  g_string_append (xml, "<cp:coreProperties"
                        " xmlns:cp=\"" NS_CORE "\""
                        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        " xmlns:dcterms=\"http://purl.org/dc/terms/\""
                        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  append_escaped (xml, ga_doc_get_title (doc));
  g_string_append (xml, "</dc:title><dc:creator>");
  append_escaped (xml, ga_doc_get_author (doc));
  g_string_append_printf (xml,
                          "</dc:creator><dc:language>%s</dc:language>"
                          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                          "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
                          "</cp:coreProperties>",
                          ga_doc_get_language (doc) == GA_DOC_LANG_ZH_CN ? "zh-CN" : "en-US",
                          date, date);
  return g_string_free (xml, FALSE);
}

const char _ga_docx_app_xml[] =
  XML_DECL
  "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
  "<Application>GreenAssess</Application></Properties>";
