/* The English labels of the bundled energy-audit template's GB/T 2589
 * table: every carrier row has one, written in English (not a copy of the
 * Chinese label), so an English workbook and drop-down name each carrier. */
#include "config.h"

#include <glib.h>

#include "ga-template.h"

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static void
test_gbt2589_english (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("energy-audit-gbt17166-2019", &error);
  GaLookupTable *table;

  g_assert_no_error (error);
  table = ga_template_find_table (tmpl, "gbt2589");
  g_assert_nonnull (table);
  g_assert_cmpuint (table->rows->len, >, 40);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const GaTableRow *row = g_ptr_array_index (table->rows, i);
      const char *en = ga_text_get (&row->label, "en");
      const char *zh = ga_text_get (&row->label, "zh_CN");

      g_test_message ("%s: %s / %s", row->key, zh, en);
      g_assert_nonnull (en);
      g_assert_cmpstr (en, !=, zh);
      g_assert_false (has_han (en));
    }
  /* Two rows by name, as an English reader looks for them. */
  g_assert_cmpstr (ga_text_get (&((GaTableRow *) g_hash_table_lookup (table->row_by_key,
                                                                        "raw_coal"))->label, "en"),
                   ==, "raw coal");
  g_assert_cmpstr (ga_text_get (&((GaTableRow *) g_hash_table_lookup (table->row_by_key,
                                                                        "electricity"))->label,
                                "en"),
                   ==, "electricity");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/template-labels/gbt2589-english", test_gbt2589_english);
  return g_test_run ();
}
