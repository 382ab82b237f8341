/* test-report-tables.c: the data tables of the self-evaluation report show
 * every column, in parts when they are wider than the page
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo clean-production audit's options register has sixteen columns
 * with data (seventeen, one of them empty in the demo): the report once
 * showed the first fourteen and lost NPVR and IRR. Now every column with
 * data is in word/document.xml, in parts that each start with the key
 * columns (编号, 方案名称), each further part after a note that keeps with
 * it (keepNext), and the narrow focus-scoring table next to it stays one
 * table; no section turns landscape. The demo energy audit's
 * energy table (fifteen columns with data) is checked the same way, in
 * both languages. A known-answer case sets twenty numeric columns through
 * the builder's table function and counts the parts.
 */
#include "config.h"

#include <string.h>

#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-stdio.h>

#include "ga-doc-private.h"
#include "ga-format.h"
#include "ga-report-builder-private.h"
#include "ga-report-test-utils.h"
#include "ga-store-engine.h"

/* libgsf 1.14.50 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

static char *tmpdir;
static GaStore *store;

static GaSession *
open_demo (GaTemplateKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ga_store_list_assessments (store, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (list, i);
      GaSession *session = ga_session_new (store, a->id, NULL, &error);

      g_assert_no_error (error);
      if (ga_template_get_kind (ga_session_get_template (session)) == kind)
        return session;
      g_object_unref (session);
    }
  g_assert_not_reached ();
}

/* The report's word/document.xml. */
static char *
document_xml (GaDoc *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "report.docx", NULL);
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GsfInput) part = NULL;
  gsf_off_t size;
  char *xml;

  g_assert_true (ga_doc_write_docx (doc, path, &error));
  g_assert_no_error (error);
  input = gsf_input_stdio_new (path, &error);
  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  part = gsf_infile_child_by_vname (zip, "word", "document.xml", NULL);
  g_assert_nonnull (part);
  size = gsf_input_size (part);
  xml = g_malloc0 (size + 1);
  g_assert_nonnull (gsf_input_read (part, size, (guint8 *) xml));
  return xml;
}

static GaItem *
find_item (GaTemplate *tmpl,
           const char *id)
{
  GPtrArray *items = ga_template_get_items (tmpl);

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->id, id) == 0)
        return item;
    }
  g_assert_not_reached ();
}

/* The text of every w:t inside @xml, one string per table row cell in
 * order: enough to compare the header row of a w:tbl. */
static GPtrArray *
first_row_cells (const char *tbl)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *end = strstr (tbl, "</w:tr>");
  const char *p = tbl;

  g_assert_nonnull (end);
  while ((p = strstr (p, "<w:tc>")) != NULL && p < end)
    {
      const char *cell_end = strstr (p, "</w:tc>");
      GString *text = g_string_new (NULL);
      const char *t = p;

      while ((t = strstr (t, "<w:t xml:space=\"preserve\">")) != NULL && t < cell_end)
        {
          const char *open = t + strlen ("<w:t xml:space=\"preserve\">");
          const char *close = strstr (open, "</w:t>");

          g_string_append_len (text, open, close - open);
          t = close;
        }
      g_ptr_array_add (cells, g_string_free (text, FALSE));
      p = cell_end;
    }
  return cells;
}

/* The tables of @xml whose first header cell is @first_header. */
static GPtrArray *
tables_starting_with (const char *xml,
                      const char *first_header)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *p = xml;

  while ((p = strstr (p, "<w:tbl>")) != NULL)
    {
      const char *end = strstr (p, "</w:tbl>");
      g_autoptr(GPtrArray) head = first_row_cells (p);

      g_assert_nonnull (end);
      if (head->len > 0 && g_strcmp0 (head->pdata[0], first_header) == 0)
        g_ptr_array_add (found, g_strndup (p, end - p));
      p = end;
    }
  return found;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The parts of the table under the heading @title: the tables after the
 * note that announces them, each further one after a note that marks it
 * as continued. */
static GPtrArray *
table_parts (const char *xml,
             const char *title,
             const char *announce,
             const char *continued)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *p = strstr (xml, title);

  g_assert_nonnull (p);
  p = strstr (p, announce);
  g_assert_nonnull (p);
  for (;;)
    {
      const char *start = strstr (p, "<w:tbl>");
      const char *end = start != NULL ? strstr (start, "</w:tbl>") : NULL;
      const char *next;
      g_autofree char *between = NULL;

      g_assert_nonnull (end);
      g_ptr_array_add (found, g_strndup (start, end - start));
      next = strstr (end, "<w:tbl>");
      if (next == NULL)
        break;
      between = g_strndup (end, next - end);
      if (strstr (between, continued) == NULL)
        break;
      p = next;
    }
  return found;
}

/* Every column of table item @item_id that some row fills appears as a
 * header among the tables that start with the key column's header, and
 * each of those tables names every row; the table is in parts, marked as
 * continued. Returns the number of parts. */
static guint
check_every_column (GaSession  *session,
                    const char *lang,
                    const char *item_id,
                    guint       n_keys,
                    const char *must_have)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GaDoc) doc = ga_report_build (session, lang, date, &error);
  GaTemplate *tmpl = ga_session_get_template (session);
  GaEngine *engine = ga_session_get_engine (session);
  GaItem *item = find_item (tmpl, item_id);
  guint n_rows = ga_engine_get_n_rows (engine, item);
  const GaColumn *key = g_ptr_array_index (item->columns, 0);
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_autoptr(GHashTable) headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *escaped_key = NULL;
  g_autofree char *escaped_title = NULL;
  gboolean zh = g_str_equal (lang, "zh_CN");
  guint n_with_data = 0, n_helpers = 0;
  g_autofree char *keys_note = NULL;
  gboolean seen_must = FALSE;

  g_assert_no_error (error);
  xml = document_xml (doc);
  {
    const char *at = strstr (xml, zh ? "未列出仅存放查表键的计算列"
                                     : "Computed columns that only hold lookup keys");

    if (at != NULL)
      keys_note = g_strndup (at, strstr (at, "</w:t>") - at);
  }
  /* Portrait throughout: the parts make a landscape page unnecessary. */
  g_assert_null (strstr (xml, "w:orient=\"landscape\""));

  escaped_key = g_markup_escape_text (ga_text_get (&key->title, lang), -1);
  escaped_title = g_markup_escape_text (ga_text_get (&item->title, lang), -1);
  parts = table_parts (xml, escaped_title, zh ? "本表共" : "wider than the page",
                       zh ? "续表（第" : "Continued (part");
  g_assert_cmpuint (parts->len, >=, 2);
  for (guint p = 0; p < parts->len; p++)
    {
      g_autoptr(GPtrArray) head = first_row_cells (parts->pdata[p]);

      g_assert_cmpuint (head->len, >, n_keys);
      g_assert_cmpstr (head->pdata[0], ==, escaped_key);
      /* The key columns first, in every part. */
      for (guint k = 0; k < n_keys; k++)
        {
          const GaColumn *col = g_ptr_array_index (item->columns, k);
          g_autofree char *title = g_markup_escape_text (ga_text_get (&col->title, lang), -1);

          if (!g_str_has_prefix (head->pdata[k], title))
            g_test_message ("key %u: “%s”, not “%s”", k, (char *) head->pdata[k], title);
          g_assert_true (g_str_has_prefix (head->pdata[k], title));
        }
      for (guint c = n_keys; c < head->len; c++)
        {
          /* No column twice: each is in one part only. */
          g_assert_false (g_hash_table_contains (headers, head->pdata[c]));
          g_hash_table_add (headers, g_strdup (head->pdata[c]));
        }
    }
  for (guint c = n_keys; c < item->columns->len; c++)
    {
      const GaColumn *col = g_ptr_array_index (item->columns, c);
      g_autofree char *title = g_markup_escape_text (ga_text_get (&col->title, lang), -1);
      gboolean filled = FALSE, in_header = FALSE;
      GHashTableIter iter;
      gpointer h;

      for (guint row = 0; row < n_rows; row++)
        {
          const GaValue *v = ga_engine_get_cell (engine, item, row, c);

          if (v != NULL && v->kind != GA_VALUE_BLANK)
            filled = TRUE;
        }
      if (!filled)
        continue;
      if (col->kind == GA_ITEM_COMPUTED && keys_note != NULL && strstr (keys_note, title) != NULL)
        {
          /* A helper that holds lookup keys: named in the note instead. */
          n_helpers++;
          continue;
        }
      n_with_data++;
      g_hash_table_iter_init (&iter, headers);
      while (g_hash_table_iter_next (&iter, &h, NULL))
        if (g_str_has_prefix (h, title))
          in_header = TRUE;
      if (!in_header)
        g_test_message ("column missing from the report: %s", title);
      g_assert_true (in_header);
      if (g_strcmp0 (col->id, must_have) == 0)
        seen_must = TRUE;
    }
  g_assert_true (seen_must);
  /* Only the helpers the note names are left out. */
  if (keys_note != NULL)
    g_assert_cmpuint (n_helpers, ==, count (keys_note, "“"));
  g_assert_cmpuint (g_hash_table_size (headers), ==, n_with_data);
  /* The first part is announced, the others are marked as continued. */
  if (zh)
    {
      g_autofree char *first = g_strdup_printf ("分 %u 部分排列", parts->len);
      g_autofree char *last = g_strdup_printf ("续表（第 %u 部分，共 %u 部分）", parts->len,
                                               parts->len);

      g_assert_nonnull (strstr (xml, first));
      g_assert_nonnull (strstr (xml, last));
    }
  else
    {
      g_autofree char *last = g_strdup_printf ("Continued (part %u of %u)", parts->len, parts->len);

      g_assert_nonnull (strstr (xml, last));
    }
  /* Each note stays with its part (keepNext on its paragraph). */
  for (const char *at = strstr (xml, zh ? "续表（第" : "Continued (part"); at != NULL;
       at = strstr (at + 1, zh ? "续表（第" : "Continued (part"))
    {
      const char *p = at;

      while (p > xml && !g_str_has_prefix (p, "<w:p>"))
        p--;
      g_assert_true (g_str_has_prefix (p, "<w:p><w:pPr><w:pStyle w:val=\"Small\"/><w:keepNext/>"));
    }
  return parts->len;
}

static void
test_options_register (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_CP_AUDIT);
  const char * const langs[] = { "zh_CN", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      /* 编号 and 方案名称 start every part; the IRR, column 17, is in. */
      check_every_column (session, langs[l], "options", 2, "o_irr");
    }
}

static void
test_energy_table (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_ENERGY_AUDIT);
  const char * const langs[] = { "zh_CN", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      /* The carrier starts every part; the CO2 total (the last of the
       * template's 20 columns, the 15th with data) is in. */
      check_every_column (session, langs[l], "energy", 1, "co2");
    }
}

/* The focus-scoring table of the same report is six columns: one table,
 * no note about parts before it. */
static void
test_narrow_table (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_CP_AUDIT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  g_autoptr(GaDoc) doc = ga_report_build (session, "zh_CN", date, &error);
  g_autofree char *xml = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) head = NULL;
  const char *at;

  g_assert_no_error (error);
  xml = document_xml (doc);
  tables = tables_starting_with (xml, "备选审核重点");
  g_assert_cmpuint (tables->len, ==, 1);
  head = first_row_cells (tables->pdata[0]);
  g_assert_cmpuint (head->len, ==, 6);
  g_assert_cmpstr (head->pdata[5], ==, "总分");
  /* Only the options register is announced as set in parts. */
  g_assert_cmpuint (count (xml, "部分排列"), ==, 1);
  at = strstr (xml, "部分排列");
  g_assert_true (at > strstr (xml, "备选审核重点"));
  g_assert_null (strstr (xml, "w:orient=\"landscape\""));
}

/* The demo audit's material balance has no rows, so its closure
 * (in − out) / in × 100 divides by zero. The indicators table says so in
 * words, without the unit, and never shows the bare spreadsheet error. */
static void
test_output_error (void)
{
  g_autoptr(GaSession) session = open_demo (GA_TEMPLATE_KIND_CP_AUDIT);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  const char *langs[] = { "zh_CN", "en" };
  const char *said[] = { "无法计算：作除数的数据为零或尚未填写 (#DIV/0!)",
                         "cannot be computed: a figure it divides by is zero or not filled in (#DIV/0!)" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr(GaDoc) doc = ga_report_build (session, langs[i], date, &error);
      g_autofree char *xml = NULL;

      g_assert_no_error (error);
      xml = document_xml (doc);
      g_assert_nonnull (strstr (xml, said[i]));
      g_assert_cmpuint (count (xml, "#DIV/0!"), ==, 1);
      g_assert_null (strstr (xml, "#DIV/0! %"));
    }
}

/* Twenty columns: a short key and nineteen numbers of eight digits under
 * one-letter headers. Each number is 8 × 0.64 em = 5.12 em of 10.5 pt =
 * 53.76 pt, plus 2 × 4 pt of padding and 1.5 pt for the rules: 63.26 pt.
 * The key is the narrowest column, 2 em = 21 pt + 9.5 = 30.5 pt. The text
 * is (210 − 2 × 31.8) mm = 415.0 pt wide, 384.5 pt beside the key: six
 * numbers a part (379.6 pt), so four parts; spread evenly, 5 + 5 + 5 + 4.
 * Every part starts with the key; the numbers align to the right. */
static void
test_known_parts (void)
{
  g_autoptr(GaDoc) doc = ga_doc_new (GA_DOC_LANG_EN);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *header[21] = { "K", NULL };
  gboolean numeric[20] = { FALSE };
  char letters[19][2];
  const guint expected[4] = { 5, 5, 5, 4 };
  Report r = { 0 };
  guint n_tables = 0, next = 1;

  for (guint c = 1; c < 20; c++)
    {
      letters[c - 1][0] = (char) ('A' + c - 1);
      letters[c - 1][1] = '\0';
      header[c] = letters[c - 1];
      numeric[c] = TRUE;
    }
  for (guint row = 0; row < 3; row++)
    {
      char **cells = g_new0 (char *, 21);

      cells[0] = g_strdup_printf ("r%u", row + 1);
      for (guint c = 1; c < 20; c++)
        cells[c] = g_strdup ("12345678");
      g_ptr_array_add (rows, cells);
    }
  r.doc = doc;
  r.lang = "en";
  r.zh = FALSE;
  g_assert_cmpuint (_ga_report_add_fitted_table (&r, 20, header, rows, numeric), ==, 4);

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      GaDocBlock *block = doc->blocks->pdata[b];
      GaDocTable *t = &block->table;

      if (block->kind != GA_DOC_BLOCK_TABLE)
        continue;
      g_assert_cmpuint (n_tables, <, 4);
      g_assert_cmpuint (t->n_columns, ==, 1 + expected[n_tables]);
      g_assert_cmpstr (t->header[0], ==, "K");
      g_assert_cmpint (t->column_align[0], ==, GA_DOC_ALIGN_START);
      for (guint c = 1; c < t->n_columns; c++)
        {
          g_assert_cmpstr (t->header[c], ==, header[next++]);
          g_assert_cmpint (t->column_align[c], ==, GA_DOC_ALIGN_END);
        }
      g_assert_cmpuint (t->rows->len, ==, 3);
      n_tables++;
    }
  g_assert_cmpuint (n_tables, ==, 4);
  g_assert_cmpuint (next, ==, 20);

  /* Five of the same columns fit: one table, no note. */
  {
    g_autoptr(GaDoc) narrow = ga_doc_new (GA_DOC_LANG_EN);

    r.doc = narrow;
    g_assert_cmpuint (_ga_report_add_fitted_table (&r, 5, header, rows, numeric), ==, 1);
    g_assert_cmpuint (narrow->blocks->len, ==, 1);
    g_assert_cmpuint (((GaDocBlock *) narrow->blocks->pdata[0])->table.n_columns, ==, 5);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("ga-report-tables-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "demo.db", NULL);
  store = ga_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);

  g_test_add_func ("/ga/report/tables/options-register", test_options_register);
  g_test_add_func ("/ga/report/tables/energy-table", test_energy_table);
  g_test_add_func ("/ga/report/tables/narrow-table", test_narrow_table);
  g_test_add_func ("/ga/report/tables/known-parts", test_known_parts);
  g_test_add_func ("/ga/report/tables/output-error", test_output_error);

  status = g_test_run ();
  g_object_unref (store);
  ga_report_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
