/* The default names of exported files (ga-export-name.c). */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "ga-export-name.h"

static void
test_words_separated (void)
{
  g_autofree char *zh = ga_export_name_build ("示例企业", "绿色工厂评价", "2025", ".xlsx", NULL);
  g_autofree char *en = ga_export_name_build ("Demo Co", "Green factory evaluation", "2025",
                                              ".xlsx", NULL);
  /* A Chinese name and an English kind: the kind's spaces call for " - ". */
  g_autofree char *mixed = ga_export_name_build ("示例企业", "Energy audit evaluation", "2024",
                                                 ".pdf", NULL);

  g_assert_cmpstr (zh, ==, "示例企业-绿色工厂评价-2025.xlsx");
  g_assert_cmpstr (en, ==, "Demo Co - Green factory evaluation - 2025.xlsx");
  g_assert_cmpstr (mixed, ==, "示例企业 - Energy audit evaluation - 2024.pdf");
}

static void
test_illegal_characters (void)
{
  g_autofree char *a = ga_export_name_build ("某某/化工:有限公司?", "清洁生产评价", "2025H1",
                                             ".xlsx", NULL);
  g_autofree char *b = ga_export_name_build ("  A\t\"B\"  <C>|D\n", "x*y", "2025\\26", ".xlsx",
                                             NULL);
  g_autofree char *c = ga_export_name_build ("..hidden.", NULL, "2025.", ".xlsx", NULL);

  g_assert_cmpstr (a, ==, "某某_化工_有限公司_-清洁生产评价-2025H1.xlsx");
  /* White space collapsed and trimmed; every refused character replaced. */
  g_assert_cmpstr (b, ==, "A _B_ _C__D - x_y - 2025_26.xlsx");
  /* No leading dot (a hidden file), no trailing dot (Windows drops it);
   * an empty part is left out with its separator. */
  g_assert_cmpstr (c, ==, "hidden-2025.xlsx");
  g_assert_cmpuint (strcspn (b, "/\\:*?\"<>|"), ==, strlen (b));
}

static void
test_missing_parts (void)
{
  g_autofree char *a = ga_export_name_build (NULL, "绿色工厂评价", "2025", ".xlsx", "评价");
  g_autofree char *b = ga_export_name_build ("", NULL, NULL, ".xlsx", NULL);
  g_autofree char *c = ga_export_name_build ("Demo Co", "", "", NULL, NULL);

  g_assert_cmpstr (a, ==, "评价-绿色工厂评价-2025.xlsx");
  g_assert_cmpstr (b, ==, "assessment.xlsx");
  g_assert_cmpstr (c, ==, "Demo Co");
}

static void
test_long_name (void)
{
  GString *big = g_string_new (NULL);
  g_autofree char *long_name = NULL;
  g_autofree char *name = NULL;

  /* 100 characters of 3 bytes: 300 bytes, more than NAME_MAX (255) alone. */
  for (guint i = 0; i < 100; i++)
    g_string_append (big, "绿");
  long_name = g_string_free (big, FALSE);
  name = ga_export_name_build (long_name, "绿色工厂评价", "2025", ".xlsx", NULL);
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  /* The enterprise part is the one shortened; kind and year stay whole. */
  g_assert_true (g_str_has_suffix (name, "绿-绿色工厂评价-2025.xlsx"));
  /* strlen ("-绿色工厂评价-2025.xlsx") = 1 + 6 × 3 + 1 + 4 + 5 = 29 bytes,
   * so 255 - 29 = 226 bytes of room: 75 whole characters (225 bytes). */
  g_assert_cmpuint (strlen (name), ==, 225 + 29);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ga/export-name/words-separated", test_words_separated);
  g_test_add_func ("/ga/export-name/illegal-characters", test_illegal_characters);
  g_test_add_func ("/ga/export-name/missing-parts", test_missing_parts);
  g_test_add_func ("/ga/export-name/long-name", test_long_name);
  return g_test_run ();
}
