/* ga-sheet-xlsx.c: one sheet of an XLSX workbook, read with libgsf (the
 * zip package) and libxml2's streaming reader (its parts)
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "ga-sheet-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

typedef struct {
  char *name;
  char *part;     /* the worksheet's path in the package */
} SheetEntry;

typedef struct {
  const char *path;
  GsfInfile  *zip;
  GArray     *sheets;           /* of SheetEntry */
  GPtrArray  *strings;          /* the shared strings */
  GArray     *date_styles;      /* of gboolean, by cellXfs index */
} Book;

static void
sheet_entry_clear (gpointer data)
{
  SheetEntry *e = data;

  g_free (e->name);
  g_free (e->part);
}

static void
book_clear (Book *book)
{
  g_clear_object (&book->zip);
  g_clear_pointer (&book->sheets, g_array_unref);
  g_clear_pointer (&book->strings, g_ptr_array_unref);
  g_clear_pointer (&book->date_styles, g_array_unref);
}

static void
set_damaged (const Book *book,
             const char *part,
             GError    **error)
{
  g_autofree char *shown = g_filename_display_name (book->path);

  g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_DAMAGED,
               _("The workbook “%s” is damaged: its part “%s” cannot be read. "
                 "Open it in a spreadsheet, save it again as .xlsx and import the copy."),
               shown, part);
}

/* The part at @part ("xl/workbook.xml"), or NULL when the package has
 * none. */
static GsfInput *
book_child (const Book *book,
            const char *part)
{
  g_auto(GStrv) names = g_strsplit (part, "/", -1);

  return gsf_infile_child_by_aname (book->zip, (const char **) names);
}

/* A reader over the whole part, read into memory (at most
 * GA_SHEET_MAX_PART_BYTES); NULL with @error set when it is missing and
 * @required, or unreadable; NULL without @error when it is missing and not
 * required. */
static xmlTextReader *
book_open_part (const Book  *book,
                const char  *part,
                gboolean     required,
                guint8     **buffer,
                GError     **error)
{
  g_autoptr(GsfInput) input = book_child (book, part);
  gsf_off_t size;
  xmlTextReader *reader;

  *buffer = NULL;
  if (input == NULL)
    {
      if (required)
        set_damaged (book, part, error);
      return NULL;
    }
  size = gsf_input_size (input);
  if (size < 0 || size > GA_SHEET_MAX_PART_BYTES)
    {
      g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_TOO_LARGE,
                   _("The workbook's part “%s” is larger than %u MB. Copy the "
                     "ledger's rows into a smaller workbook and import that."),
                   part, (guint) (GA_SHEET_MAX_PART_BYTES / (1024 * 1024)));
      return NULL;
    }
  *buffer = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, *buffer) == NULL)
    {
      g_clear_pointer (buffer, g_free);
      set_damaged (book, part, error);
      return NULL;
    }
  (*buffer)[size] = '\0';
  reader = xmlReaderForMemory ((const char *) *buffer, (int) size, part, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader == NULL)
    {
      g_clear_pointer (buffer, g_free);
      set_damaged (book, part, error);
    }
  return reader;
}

static gboolean
is_element (xmlTextReader *reader,
            const char    *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReader *reader,
        const char    *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
attr (xmlTextReader *reader,
      const char    *name)
{
  xmlChar *v = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = v ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return copy;
}

/* The relationship id of a <sheet>: the attribute "id" in whichever
 * namespace (transitional or strict) the workbook uses. */
static char *
attr_rel_id (xmlTextReader *reader)
{
  char *id = NULL;

  while (id == NULL && xmlTextReaderMoveToNextAttribute (reader) == 1)
    if (g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), "id") == 0
        && xmlTextReaderConstPrefix (reader) != NULL)
      id = g_strdup ((const char *) xmlTextReaderConstValue (reader));
  xmlTextReaderMoveToElement (reader);
  return id;
}

/* The text inside the current element: in a string item (@in_t_only),
 * the <t> elements' text with phonetic runs (<rPh>) left out; otherwise
 * all of it. Leaves the reader on the element's end. */
static char *
element_text (xmlTextReader *reader,
              gboolean       in_t_only)
{
  GString *text = g_string_new (NULL);
  int depth = xmlTextReaderDepth (reader);
  int t_depth = -1;

  if (xmlTextReaderIsEmptyElement (reader))
    return g_string_free (text, FALSE);
  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
        break;
      if (is_element (reader, "rPh"))
        {
          if (!xmlTextReaderIsEmptyElement (reader))
            {
              int d = xmlTextReaderDepth (reader);

              while (xmlTextReaderRead (reader) == 1
                     && !(xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
                          && xmlTextReaderDepth (reader) == d))
                ;
            }
          continue;
        }
      if (is_element (reader, "t") && !xmlTextReaderIsEmptyElement (reader))
        t_depth = xmlTextReaderDepth (reader);
      else if (is_end (reader, "t"))
        t_depth = -1;
      else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA
                || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                || type == XML_READER_TYPE_WHITESPACE)
               && (!in_t_only || t_depth >= 0))
        g_string_append (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return g_string_free (text, FALSE);
}

/* Relationship id -> target part, resolved against "xl/". */
static GHashTable *
read_rels (Book    *book,
           GError **error)
{
  g_autoptr(GHashTable) rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  int ret;

  reader = book_open_part (book, "xl/_rels/workbook.xml.rels", TRUE, &buffer, error);
  if (reader == NULL)
    return NULL;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "Relationship"))
      {
        g_autofree char *id = attr (reader, "Id");
        g_autofree char *target = attr (reader, "Target");

        if (id == NULL || target == NULL)
          continue;
        g_hash_table_replace (rels, g_steal_pointer (&id),
                              target[0] == '/' ? g_strdup (target + 1)
                                               : g_strconcat ("xl/", target, NULL));
      }
  if (ret < 0)
    {
      set_damaged (book, "xl/_rels/workbook.xml.rels", error);
      return NULL;
    }
  return g_steal_pointer (&rels);
}

static gboolean
read_workbook (Book    *book,
               GError **error)
{
  g_autoptr(GHashTable) rels = read_rels (book, error);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  int ret;

  if (rels == NULL)
    return FALSE;
  reader = book_open_part (book, "xl/workbook.xml", TRUE, &buffer, error);
  if (reader == NULL)
    return FALSE;
  book->sheets = g_array_new (FALSE, TRUE, sizeof (SheetEntry));
  g_array_set_clear_func (book->sheets, sheet_entry_clear);
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "sheet"))
      {
        g_autofree char *id = attr_rel_id (reader);
        const char *part = id ? g_hash_table_lookup (rels, id) : NULL;
        SheetEntry e = { attr (reader, "name"), g_strdup (part) };

        if (e.name == NULL)
          e.name = g_strdup_printf ("%u", book->sheets->len + 1);
        g_array_append_val (book->sheets, e);
      }
  if (ret < 0)
    {
      set_damaged (book, "xl/workbook.xml", error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_shared_strings (Book    *book,
                     GError **error)
{
  g_autofree guint8 *buffer = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GError) local = NULL;
  int ret;

  book->strings = g_ptr_array_new_with_free_func (g_free);
  reader = book_open_part (book, "xl/sharedStrings.xml", FALSE, &buffer, &local);
  if (reader == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  while ((ret = xmlTextReaderRead (reader)) == 1)
    if (is_element (reader, "si"))
      g_ptr_array_add (book->strings, element_text (reader, TRUE));
  if (ret < 0)
    {
      set_damaged (book, "xl/sharedStrings.xml", error);
      return FALSE;
    }
  return TRUE;
}

/* Whether a number format code shows a date or a time: after quoted
 * text, escaped characters, fill and padding characters and [colour]
 * sections are dropped, it still has y, m, d, h or s. */
static gboolean
format_code_is_date (const char *code)
{
  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0)
    return FALSE;
  for (const char *p = code; *p; p++)
    {
      switch (*p)
        {
        case '"':
          while (p[1] && p[1] != '"')
            p++;
          if (p[1])
            p++;
          break;
        case '\\': case '_': case '*':
          if (p[1])
            p++;
          break;
        case '[':
          while (p[1] && p[1] != ']')
            p++;
          break;
        default:
          if (strchr ("ymdhsYMDHS", *p))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
builtin_format_is_date (guint id)
{
  /* ECMA-376 part 1, 18.8.30: 14–22 and 45–47 are dates and times; 27–36
   * and 50–58 are the East Asian date formats. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
         || (id >= 50 && id <= 58);
}

static gboolean
read_styles (Book    *book,
             GError **error)
{
  g_autoptr(GHashTable) custom = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  g_autoptr(GError) local = NULL;
  gboolean in_xfs = FALSE;
  int ret;

  book->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
  reader = book_open_part (book, "xl/styles.xml", FALSE, &buffer, &local);
  if (reader == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = attr (reader, "numFmtId");

          if (id != NULL)
            g_hash_table_replace (custom, GUINT_TO_POINTER (atoi (id)),
                                  attr (reader, "formatCode"));
        }
      else if (is_element (reader, "cellXfs"))
        in_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "cellXfs"))
        in_xfs = FALSE;
      else if (in_xfs && is_element (reader, "xf"))
        {
          g_autofree char *id_text = attr (reader, "numFmtId");
          guint id = id_text ? (guint) atoi (id_text) : 0;
          const char *code = g_hash_table_lookup (custom, GUINT_TO_POINTER (id));
          gboolean date = code ? format_code_is_date (code) : builtin_format_is_date (id);

          g_array_append_val (book->date_styles, date);
        }
    }
  if (ret < 0)
    {
      set_damaged (book, "xl/styles.xml", error);
      return FALSE;
    }
  return TRUE;
}

/* "AB12" -> column 27, row 11; FALSE for anything else. */
static gboolean
parse_ref (const char *ref,
           guint      *row,
           guint      *column)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  if (ref == NULL)
    return FALSE;
  for (; g_ascii_isalpha (*p) && c <= GA_SHEET_MAX_COLUMNS; p++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  for (; g_ascii_isdigit (*p) && r <= GA_SHEET_MAX_ROWS; p++)
    r = r * 10 + (*p - '0');
  if (*p != '\0' || c == 0 || r == 0 || c > GA_SHEET_MAX_COLUMNS || r > GA_SHEET_MAX_ROWS)
    return FALSE;
  *column = (guint) c - 1;
  *row = (guint) r - 1;
  return TRUE;
}

typedef struct {
  guint r0, c0, r1, c1;
} Range;

/* One <c>: its value from <v> or <is>, by its type. */
static gboolean
read_cell (Book          *book,
           GaSheet       *sheet,
           xmlTextReader *reader,
           guint          row,
           guint          column,
           GError       **error)
{
  g_autofree char *type = attr (reader, "t");
  g_autofree char *style = attr (reader, "s");
  g_autofree char *value = NULL;
  int depth = xmlTextReaderDepth (reader);
  guint flags = 0;
  double number = 0;

  if (!xmlTextReaderIsEmptyElement (reader))
    while (xmlTextReaderRead (reader) == 1)
      {
        if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
            && xmlTextReaderDepth (reader) == depth)
          break;
        if (is_element (reader, "v") && value == NULL)
          value = element_text (reader, FALSE);
        else if (is_element (reader, "is"))
          {
            g_free (value);
            value = element_text (reader, TRUE);
          }
      }
  if (value == NULL || *value == '\0')
    return TRUE;

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);
      const char *text = index < book->strings->len ? g_ptr_array_index (book->strings, index) : NULL;

      if (text == NULL || *text == '\0')
        return TRUE;
      return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_TEXT, g_strdup (text), 0, 0, error);
    }
  if (g_strcmp0 (type, "inlineStr") == 0 || g_strcmp0 (type, "str") == 0
      || g_strcmp0 (type, "d") == 0)
    return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_TEXT,
                              g_steal_pointer (&value), 0, 0, error);
  if (g_strcmp0 (type, "b") == 0)
    {
      gboolean b = g_strcmp0 (value, "0") != 0;

      return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_BOOLEAN,
                                g_strdup (b ? "TRUE" : "FALSE"), b ? 1 : 0, 0, error);
    }
  if (g_strcmp0 (type, "e") == 0)
    return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_ERROR,
                              g_steal_pointer (&value), 0, 0, error);
  {
    char *end = NULL;

    number = g_ascii_strtod (value, &end);
    if (end == value || *end != '\0')
      return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_TEXT,
                                g_steal_pointer (&value), 0, 0, error);
  }
  if (style != NULL)
    {
      guint64 s = g_ascii_strtoull (style, NULL, 10);

      if (s < book->date_styles->len && g_array_index (book->date_styles, gboolean, s))
        flags |= GA_SHEET_CELL_DATE;
    }
  return ga_sheet_set_cell (sheet, row, column, GA_SHEET_CELL_NUMBER,
                            ga_sheet_format_number (number), number, flags, error);
}

static gboolean
add_merge (GArray     *merges,
           const char *ref)
{
  g_auto(GStrv) ends = ref ? g_strsplit (ref, ":", 2) : NULL;
  Range range;

  if (ends == NULL || ends[0] == NULL || ends[1] == NULL
      || !parse_ref (ends[0], &range.r0, &range.c0)
      || !parse_ref (ends[1], &range.r1, &range.c1)
      || range.r1 < range.r0 || range.c1 < range.c0)
    return FALSE;
  g_array_append_val (merges, range);
  return TRUE;
}

static GaSheet *
read_worksheet (Book             *book,
                const SheetEntry *entry,
                GError          **error)
{
  g_autoptr(GaSheet) sheet = ga_sheet_new (entry->name, GA_SHEET_FORMAT_XLSX);
  g_autoptr(GArray) merges = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autofree guint8 *buffer = NULL;
  g_autoptr(xmlTextReader) reader = NULL;
  guint row = 0, column = 0;
  gboolean any_row = FALSE;
  int ret;

  if (entry->part == NULL)
    {
      set_damaged (book, entry->name, error);
      return NULL;
    }
  reader = book_open_part (book, entry->part, TRUE, &buffer, error);
  if (reader == NULL)
    return NULL;
  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      if (is_element (reader, "row"))
        {
          g_autofree char *r = attr (reader, "r");
          guint64 n = r ? g_ascii_strtoull (r, NULL, 10) : 0;

          row = n > 0 ? (guint) MIN (n - 1, (guint64) GA_SHEET_MAX_ROWS) : (any_row ? row + 1 : 0);
          any_row = TRUE;
          column = 0;
        }
      else if (is_element (reader, "c"))
        {
          g_autofree char *ref = attr (reader, "r");
          guint r, c;

          if (ref != NULL && parse_ref (ref, &r, &c))
            column = c;
          if (!read_cell (book, sheet, reader, row, column, error))
            return NULL;
          column++;
        }
      else if (is_element (reader, "mergeCell"))
        {
          g_autofree char *ref = attr (reader, "ref");

          add_merge (merges, ref);
        }
    }
  if (ret < 0)
    {
      set_damaged (book, entry->part, error);
      return NULL;
    }
  for (guint i = 0; i < merges->len; i++)
    {
      Range *m = &g_array_index (merges, Range, i);

      ga_sheet_fill_merged (sheet, m->r0, m->c0, m->r1, m->c1);
    }
  return g_steal_pointer (&sheet);
}

/* Opens the package and reads its sheet list; tells an OpenDocument file
 * or a zip without a workbook from a damaged one. */
static gboolean
book_open (Book       *book,
           const char *path,
           GError    **error)
{
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInput) workbook = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *shown = g_filename_display_name (path);

  book->path = path;
  input = gsf_input_stdio_new (path, &local);
  if (input == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot open “%s”: %s."),
                   shown, local ? local->message : "");
      return FALSE;
    }
  book->zip = gsf_infile_zip_new (input, NULL);
  if (book->zip == NULL)
    {
      set_damaged (book, "[zip]", error);
      return FALSE;
    }
  workbook = book_child (book, "xl/workbook.xml");
  if (workbook == NULL)
    {
      g_autoptr(GsfInput) mimetype = book_child (book, "mimetype");

      if (mimetype != NULL)
        g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_UNSUPPORTED,
                     _("“%s” is an OpenDocument file. Save it as an Excel workbook "
                       "(.xlsx) or CSV and import that."), shown);
      else
        g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_NOT_SPREADSHEET,
                     _("“%s” is a zip archive but not an Excel workbook: import an "
                       "Excel workbook (.xlsx) or a CSV file."), shown);
      return FALSE;
    }
  return read_workbook (book, error);
}

char **
ga_sheet_list_xlsx (const char  *path,
                    GError     **error)
{
  Book book = { 0 };
  GPtrArray *names;

  if (!book_open (&book, path, error))
    {
      book_clear (&book);
      return NULL;
    }
  names = g_ptr_array_new ();
  for (guint i = 0; i < book.sheets->len; i++)
    g_ptr_array_add (names, g_strdup (g_array_index (book.sheets, SheetEntry, i).name));
  g_ptr_array_add (names, NULL);
  book_clear (&book);
  return (char **) g_ptr_array_free (names, FALSE);
}

static const SheetEntry *
book_find_sheet (const Book *book,
                 const char *name)
{
  g_autofree char *folded = NULL;

  if (name == NULL || *name == '\0')
    return book->sheets->len > 0 ? &g_array_index (book->sheets, SheetEntry, 0) : NULL;
  for (guint i = 0; i < book->sheets->len; i++)
    if (g_strcmp0 (g_array_index (book->sheets, SheetEntry, i).name, name) == 0)
      return &g_array_index (book->sheets, SheetEntry, i);
  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < book->sheets->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_array_index (book->sheets, SheetEntry, i).name, -1);

      if (g_strcmp0 (other, folded) == 0)
        return &g_array_index (book->sheets, SheetEntry, i);
    }
  return NULL;
}

GaSheet *
ga_sheet_read_xlsx (const char  *path,
                    const char  *sheet_name,
                    GError     **error)
{
  Book book = { 0 };
  const SheetEntry *entry;
  GaSheet *sheet = NULL;

  if (!book_open (&book, path, error))
    goto out;
  entry = book_find_sheet (&book, sheet_name);
  if (entry == NULL)
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < book.sheets->len; i++)
        g_string_append_printf (list, "%s“%s”", i ? ", " : "",
                                g_array_index (book.sheets, SheetEntry, i).name);
      g_set_error (error, GA_SHEET_ERROR, GA_SHEET_ERROR_SHEET_NOT_FOUND,
                   _("The workbook “%s” has no sheet “%s”. Its sheets: %s."),
                   shown, sheet_name ? sheet_name : "", list->str);
      goto out;
    }
  if (!read_shared_strings (&book, error) || !read_styles (&book, error))
    goto out;
  sheet = read_worksheet (&book, entry, error);
out:
  book_clear (&book);
  return sheet;
}

gboolean
ga_sheet_ole_is_encrypted (const char *path)
{
  g_autoptr(GsfInput) input = gsf_input_stdio_new (path, NULL);
  g_autoptr(GsfInfile) ole = NULL;
  g_autoptr(GsfInput) info = NULL;

  if (input == NULL)
    return FALSE;
  ole = gsf_infile_msole_new (input, NULL);
  if (ole == NULL)
    return FALSE;
  info = gsf_infile_child_by_name (ole, "EncryptionInfo");
  return info != NULL;
}
