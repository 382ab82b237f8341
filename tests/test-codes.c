/* test-codes.c: 统一社会信用代码, GB/T 4754-2017 and GB/T 2260 lookups
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <string.h>

#include "ga-codes.h"

static void
test_credit_known_valid (void)
{
  /* 91350100M000100Y43, the example usually quoted for GB 32100-2015.
   * Values: 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
   * Weights: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
   * Σ = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640
   * 1640 mod 31 = 28 (31 × 52 = 1612); 31 − 28 = 3 → check character '3'. */
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (ga_credit_code_check_char ("91350100M000100Y4"), ==, '3');
  g_assert_true (ga_credit_code_validate ("91350100M000100Y43", &error));
  g_assert_no_error (error);

  /* 91110000100000000?: Σ = 9·1 + 1·3 + 1·9 + 1·27 + 1·20 = 68,
   * 68 mod 31 = 6, 31 − 6 = 25 → 'R' (A=10 … H=17, J=18 … N=22, P=23, Q=24, R=25). */
  g_assert_cmpint (ga_credit_code_check_char ("91110000100000000"), ==, 'R');
  g_assert_true (ga_credit_code_validate ("91110000100000000R", NULL));

  /* Σ ≡ 0 (mod 31) gives 31 − 0 = 31, written 0: "1A…" has
   * Σ = 1·1 + A(10)·3 = 31. */
  g_assert_cmpint (ga_credit_code_check_char ("1A000000000000000"), ==, '0');
  g_assert_true (ga_credit_code_validate ("1A0000000000000000", NULL));

  /* Σ = 1 → 31 − 1 = 30 → 'Y', the last character of the set. */
  g_assert_cmpint (ga_credit_code_check_char ("10000000000000000"), ==, 'Y');
}

static void
test_credit_wrong_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ga_credit_code_validate ("91350100M000100Y4X", &error));
  g_assert_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE);
  g_assert_nonnull (strstr (error->message,
                            "统一社会信用代码 91350100M000100Y4X: the check character should be 3, "
                            "not X"));
}

static void
test_credit_malformed (void)
{
  static const struct {
    const char *code;
    const char *expect;
  } cases[] = {
    { "", "missing" },
    { "91350100M000100Y4", "17 characters" },
    { "91350100M000100Y433", "19 characters" },
    { "91350100m000100Y43", "upper-case" },
    { "91350100I000100Y43", "I, O, S, V and Z" },
    { "91350100O000100Y43", "I, O, S, V and Z" },
    { "91350100S000100Y43", "I, O, S, V and Z" },
    { "91350100V000100Y43", "I, O, S, V and Z" },
    { "91350100Z000100Y43", "I, O, S, V and Z" },
    { "91350100-000100Y43", "only digits" },
    { "913501００M000100Y43", "character 7" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].code);
      g_assert_false (ga_credit_code_validate (cases[i].code, &error));
      g_assert_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
    }

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ga_credit_code_validate ("91350100\xff\xfe""00100Y43", &error));
    g_assert_error (error, GA_CODES_ERROR, GA_CODES_ERROR_CREDIT_CODE);
  }
  g_assert_false (ga_credit_code_validate (NULL, NULL));
  /* Invalid characters give no check character at all. */
  g_assert_cmpint (ga_credit_code_check_char ("9135010OM000100Y4"), ==, '\0');
  g_assert_cmpint (ga_credit_code_check_char ("short"), ==, '\0');
}

static void
test_credit_every_position (void)
{
  /* Changing any one of the first 17 characters of a valid code changes
   * the check character: the weights 3^(i-1) mod 31 are all non-zero and
   * 31 is prime, so a single substitution is always caught. */
  const char *valid = "91350100M000100Y43";

  for (guint pos = 0; pos < 17; pos++)
    {
      char code[19];

      memcpy (code, valid, 19);
      code[pos] = code[pos] == '1' ? '2' : '1';
      g_assert_false (ga_credit_code_validate (code, NULL));
      code[17] = ga_credit_code_check_char (code);
      g_assert_true (ga_credit_code_validate (code, NULL));
    }
}

static void
test_credit_normalize (void)
{
  g_autofree char *a = ga_credit_code_normalize (" 9135 0100-m000100y43\n");
  g_autofree char *b = ga_credit_code_normalize ("");

  g_assert_cmpstr (a, ==, "91350100M000100Y43");
  g_assert_cmpstr (b, ==, "");
  g_assert_true (ga_credit_code_validate (a, NULL));
}

static void
test_credit_province (void)
{
  /* Characters 3–8 are the registering authority's GB/T 2260 code. */
  g_assert_cmpstr (ga_credit_code_get_province ("91350100M000100Y43"), ==, "350000");
  g_assert_cmpstr (ga_credit_code_get_province ("91440300MA5FWWWW1Y"), ==, "440000");
  g_assert_null (ga_credit_code_get_province ("91990000MA5FWWWW1Y"));
  g_assert_null (ga_credit_code_get_province ("9"));
  /* The two codes `enterprise edit` moves between in tests/test-store.c
   * (/ga/store/cli/options): valid (check characters F and C, worked out
   * with the GB 32100-2015 weights) and in two provinces, 广东 and 江苏. */
  g_assert_true (ga_credit_code_validate ("91440300MA5DC1QX1F", NULL));
  g_assert_true (ga_credit_code_validate ("91320100MA1MXXXX1C", NULL));
  g_assert_cmpstr (ga_credit_code_get_province ("91440300MA5DC1QX1F"), ==, "440000");
  g_assert_cmpstr (ga_credit_code_get_province ("91320100MA1MXXXX1C"), ==, "320000");
  g_assert_cmpstr (ga_region_lookup ("320000")->short_name, ==, "江苏");
}

/* The codes of the industries @query finds, joined with " ". */
static char *
industries_found (const char *query)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint n = 0;
  const GaIndustry *all = ga_industry_get_all (&n);

  for (guint i = 0; i < n; i++)
    if (ga_industry_matches (&all[i], query))
      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", all[i].code);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_industry_search (void)
{
  g_autofree char *chem = industries_found ("化学");
  g_autofree char *c26 = industries_found ("C26");
  g_autofree char *d26 = industries_found ("26");
  g_autofree char *class = industries_found (" 2614 ");
  g_autofree char *lower = industries_found ("c26");
  g_autofree char *none = industries_found ("钢琴");
  g_autofree char *letter = industries_found ("Z9");
  const GaIndustry *c = ga_industry_lookup ("C");

  /* 化学原料和化学制品制造业 (26) and 化学纤维制造业 (28), nothing else. */
  g_assert_cmpstr (chem, ==, "26 28");
  g_assert_cmpstr (c26, ==, "26");
  g_assert_cmpstr (lower, ==, "26");
  g_assert_cmpstr (d26, ==, "26");
  /* 2614 有机化学原料制造 is a class of division 26. */
  g_assert_cmpstr (class, ==, "26");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (letter, ==, "");
  g_assert_true (ga_industry_matches (c, ""));
  g_assert_true (ga_industry_matches (c, "C"));
}

static void
test_industry_lookup (void)
{
  const GaIndustry *ind;
  g_autoptr(GError) error = NULL;

  ind = ga_industry_lookup ("C");
  g_assert_nonnull (ind);
  g_assert_cmpstr (ind->name, ==, "制造业");

  ind = ga_industry_lookup ("26");
  g_assert_nonnull (ind);
  g_assert_cmpstr (ind->section, ==, "C");
  g_assert_cmpstr (ind->name, ==, "化学原料和化学制品制造业");
  g_assert_true (ga_industry_lookup ("C26") == ind);
  g_assert_true (ga_industry_lookup ("c26") == ind);

  ind = ga_industry_lookup ("44");
  g_assert_cmpstr (ind->section, ==, "D");
  g_assert_cmpstr (ind->name, ==, "电力、热力生产和供应业");
  g_assert_cmpstr (ga_industry_lookup ("01")->name, ==, "农业");
  g_assert_cmpstr (ga_industry_lookup ("97")->name, ==, "国际组织");
  g_assert_cmpstr (ga_industry_lookup ("T")->name, ==, "国际组织");

  g_assert_null (ga_industry_lookup ("98"));
  g_assert_null (ga_industry_lookup ("00"));
  g_assert_null (ga_industry_lookup ("U"));
  g_assert_null (ga_industry_lookup ("261"));
  g_assert_null (ga_industry_lookup (""));
  g_assert_null (ga_industry_lookup (NULL));

  g_assert_null (ga_industry_validate ("A26", &error));
  g_assert_error (error, GA_CODES_ERROR, GA_CODES_ERROR_INDUSTRY);
  g_assert_nonnull (strstr (error->message, "belongs to section C"));
  g_clear_error (&error);
  g_assert_null (ga_industry_validate ("X9", &error));
  g_assert_nonnull (strstr (error->message, "GB/T 4754-2017"));
}

static void
test_industry_table (void)
{
  guint n = 0, n_sections = 0, n_divisions = 0;
  const GaIndustry *all = ga_industry_get_all (&n);
  int last_division = 0;
  char last_section = '@';

  /* 20 sections A–T and 97 divisions 01–97 without gaps, each division
   * after its own section. */
  for (guint i = 0; i < n; i++)
    {
      if (g_ascii_isalpha (all[i].code[0]))
        {
          n_sections++;
          g_assert_cmpint (all[i].code[0], ==, last_section + 1);
          last_section = all[i].code[0];
        }
      else
        {
          n_divisions++;
          g_assert_cmpint (atoi (all[i].code), ==, last_division + 1);
          last_division = atoi (all[i].code);
          g_assert_cmpint (all[i].section[0], ==, last_section);
        }
      g_assert_true (g_utf8_validate (all[i].name, -1, NULL));
    }
  g_assert_cmpuint (n_sections, ==, 20);
  g_assert_cmpuint (n_divisions, ==, 97);
  g_assert_cmpint (last_section, ==, 'T');
}

static void
test_region_lookup (void)
{
  const GaRegion *r;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const GaRegion *all = ga_region_get_all (&n);

  r = ga_region_lookup ("350000");
  g_assert_nonnull (r);
  g_assert_cmpstr (r->name, ==, "福建省");
  g_assert_true (ga_region_lookup ("350102") == r);   /* a district of 福州 */
  g_assert_true (ga_region_lookup ("福建") == r);
  g_assert_true (ga_region_lookup ("福建省") == r);
  g_assert_cmpstr (ga_region_lookup ("110000")->name, ==, "北京市");
  g_assert_cmpstr (ga_region_lookup ("650000")->name, ==, "新疆维吾尔自治区");
  g_assert_cmpstr (ga_region_lookup ("820000")->name, ==, "澳门特别行政区");

  g_assert_null (ga_region_lookup ("990000"));
  g_assert_null (ga_region_lookup ("35000"));
  g_assert_null (ga_region_lookup ("Fujian"));
  g_assert_null (ga_region_lookup (""));

  g_assert_null (ga_region_validate ("000000", &error));
  g_assert_error (error, GA_CODES_ERROR, GA_CODES_ERROR_REGION);
  g_assert_nonnull (strstr (error->message, "GB/T 2260"));

  /* 34 province-level divisions, sorted, codes ending in 0000. */
  g_assert_cmpuint (n, ==, 34);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (all[i].code), ==, 6);
      g_assert_cmpstr (all[i].code + 2, ==, "0000");
      if (i > 0)
        g_assert_cmpstr (all[i - 1].code, <, all[i].code);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/codes/credit-known-valid", test_credit_known_valid);
  g_test_add_func ("/ga/codes/credit-wrong-check", test_credit_wrong_check);
  g_test_add_func ("/ga/codes/credit-malformed", test_credit_malformed);
  g_test_add_func ("/ga/codes/credit-every-position", test_credit_every_position);
  g_test_add_func ("/ga/codes/credit-normalize", test_credit_normalize);
  g_test_add_func ("/ga/codes/credit-province", test_credit_province);
  g_test_add_func ("/ga/codes/industry-search", test_industry_search);
  g_test_add_func ("/ga/codes/industry-lookup", test_industry_lookup);
  g_test_add_func ("/ga/codes/industry-table", test_industry_table);
  g_test_add_func ("/ga/codes/region-lookup", test_region_lookup);

  return g_test_run ();
}
