/* test-corpus.c: odd template inputs load or fail with a GError, never crash
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays every file of tests/corpus/template and any crash, leak or
 * timeout file that fuzzing left in tests/fuzz. Whatever loads is also
 * evaluated, explained and written as JSON, and answered N/A item by item
 * with the incremental result checked against a fresh evaluation.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine.h"

static void
exercise (GaTemplate *tmpl)
{
  g_autoptr(GaEngine) engine = ga_engine_new (tmpl);
  g_autoptr(JsonNode) results = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  GPtrArray *items = ga_template_get_items (tmpl);
  GPtrArray *sections = ga_template_get_sections (tmpl);

  summary = ga_engine_explain_summary (engine);
  g_assert_nonnull (summary);
  results = ga_engine_results_to_json (engine);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (results));
  improvements = ga_engine_get_improvements (engine);
  g_assert_nonnull (improvements);
  for (guint i = 0; i < sections->len; i++)
    {
      g_autofree char *trace = ga_engine_explain (engine, ((GaSection *) sections->pdata[i])->id);
      g_assert_nonnull (trace);
    }

  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      g_autoptr(GaAnswer) answer = NULL;
      g_autoptr(GaEngine) fresh = NULL;
      g_autofree char *trace = ga_engine_explain (engine, item->id);

      g_assert_nonnull (trace);
      if (item->kind == GA_ITEM_COMPUTED || !item->na_allowed)
        continue;
      answer = ga_answer_new ();
      answer->not_applicable = TRUE;
      g_assert_true (ga_engine_set_answer (engine, item->id, answer, NULL));
      fresh = ga_engine_new (tmpl);
      ga_engine_set_answers (fresh, ga_engine_get_answers (engine));
      for (guint k = 0; k < items->len; k++)
        {
          const GaResult *a = ga_engine_get_item_result (engine, items->pdata[k]);
          const GaResult *b = ga_engine_get_item_result (fresh, items->pdata[k]);
          g_assert_true (ga_value_equal (&a->value, &b->value));
          g_assert_cmpint (a->status, ==, b->status);
          g_assert_true ((isnan (a->score) && isnan (b->score)) || a->score == b->score);
        }
      g_assert_cmpint (ga_engine_get_summary (engine)->status, ==,
                       ga_engine_get_summary (fresh)->status);
      g_assert_cmpint (ga_engine_get_summary (engine)->level, ==,
                       ga_engine_get_summary (fresh)->level);
    }
}

static void
replay (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);

  tmpl = ga_template_new_from_data (data, (gssize) length, path, &error);
  if (tmpl == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == GA_TEMPLATE_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (strlen (error->message), >, 0);
      {
        g_autofree char *first = g_strndup (error->message, strcspn (error->message, "\n"));
        g_test_message ("%s: %s", path, first);
      }
    }
  else
    exercise (tmpl);

  /* The list form never crashes either, and agrees on validity. */
  g_clear_error (&error);
  problems = ga_template_validate_data (data, (gssize) length, &error);
  if (problems != NULL)
    g_assert_cmpint (problems->len == 0, ==, tmpl != NULL);
  else
    g_assert_error (error, GA_TEMPLATE_ERROR, GA_TEMPLATE_ERROR_JSON);
}

static void
test_file (gconstpointer data)
{
  replay (data);
}

static void
add_directory (const char *dir_path,
               gboolean    fuzz_outputs)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (fuzz_outputs && !g_str_has_prefix (name, "crash-") && !g_str_has_prefix (name, "leak-")
          && !g_str_has_prefix (name, "timeout-"))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/ga/corpus/template/%s",
                                                    (char *) names->pdata[i]);
      /* The test keeps the path for as long as the program runs. */
      char *file = g_build_filename (dir_path, names->pdata[i], NULL);
      g_test_add_data_func_full (test_path, file, test_file, g_free);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *corpus = g_build_filename (GA_SOURCE_DIR, "tests", "corpus", "template", NULL);
  g_autofree char *fuzz = g_build_filename (GA_SOURCE_DIR, "tests", "fuzz", NULL);

  g_test_init (&argc, &argv, NULL);
  add_directory (corpus, FALSE);
  add_directory (fuzz, TRUE);
  return g_test_run ();
}
