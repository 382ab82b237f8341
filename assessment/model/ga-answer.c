/* ga-answer.c: answers and answer sets
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every answer is checked against its item when it is read, so the engine
 * only ever sees answers of the right kind, within bounds and naming real
 * options. Messages name the item, the value and what would be accepted.
 *
 * The JSON form of an answer, its typed text form and the check of an
 * answer built in code each have a file of their own (ga-answer-*.c).
 */
#include "config.h"

#include <string.h>

#include "ga-json.h"
#include "ga-answer-private.h"

G_DEFINE_QUARK (ga-answer-error-quark, ga_answer_error)

/* ------------------------------------------------------------------------ */
/* Answers                                                                  */

GaRow *
ga_row_new (guint n_cells)
{
  GaRow *row = g_new0 (GaRow, 1);

  row->n_cells = n_cells;
  row->cells = g_new0 (GaValue, MAX (n_cells, 1));
  return row;
}

void
ga_row_free (GaRow *row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < row->n_cells; i++)
    ga_value_clear (&row->cells[i]);
  g_free (row->cells);
  g_free (row);
}

static GaRow *
row_copy (const GaRow *row)
{
  GaRow *copy = ga_row_new (row->n_cells);

  for (guint i = 0; i < row->n_cells; i++)
    ga_value_copy (&row->cells[i], &copy->cells[i]);
  return copy;
}

GaAnswer *
ga_answer_new (void)
{
  return g_new0 (GaAnswer, 1);
}

GaAnswer *
ga_answer_copy (const GaAnswer *answer)
{
  GaAnswer *copy;

  if (answer == NULL)
    return NULL;
  copy = ga_answer_new ();
  ga_value_copy (&answer->value, &copy->value);
  copy->not_applicable = answer->not_applicable;
  copy->na_reason = g_strdup (answer->na_reason);
  copy->note = g_strdup (answer->note);
  copy->selected = g_strdupv (answer->selected);
  if (answer->rows != NULL)
    {
      copy->rows = g_ptr_array_new_full (answer->rows->len, (GDestroyNotify) ga_row_free);
      for (guint i = 0; i < answer->rows->len; i++)
        g_ptr_array_add (copy->rows, row_copy (answer->rows->pdata[i]));
    }
  return copy;
}

void
ga_answer_free (GaAnswer *answer)
{
  if (answer == NULL)
    return;
  ga_value_clear (&answer->value);
  g_free (answer->na_reason);
  g_free (answer->note);
  g_strfreev (answer->selected);
  g_clear_pointer (&answer->rows, g_ptr_array_unref);
  g_free (answer);
}

gboolean
ga_answer_is_empty (const GaAnswer *answer)
{
  return answer == NULL
         || (answer->value.kind == GA_VALUE_BLANK && !answer->not_applicable
             && answer->selected == NULL && answer->rows == NULL);
}

static gboolean
values_identical (const GaValue *a,
                  const GaValue *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case GA_VALUE_NUMBER:
      return memcmp (&a->u.number, &b->u.number, sizeof (double)) == 0;
    case GA_VALUE_TEXT:
      return g_strcmp0 (a->u.text, b->u.text) == 0;
    case GA_VALUE_BOOLEAN:
      return !a->u.boolean == !b->u.boolean;
    case GA_VALUE_ERROR:
      return a->u.error.code == b->u.error.code
             && g_strcmp0 (a->u.error.message, b->u.error.message) == 0;
    default:
      return TRUE;
    }
}

gboolean
ga_answer_equal (const GaAnswer *a,
                 const GaAnswer *b)
{
  if (ga_answer_is_empty (a) || ga_answer_is_empty (b))
    return ga_answer_is_empty (a) && ga_answer_is_empty (b)
           && g_strcmp0 (a != NULL ? a->note : NULL, b != NULL ? b->note : NULL) == 0;
  if (!values_identical (&a->value, &b->value) || !a->not_applicable != !b->not_applicable
      || g_strcmp0 (a->na_reason, b->na_reason) != 0 || g_strcmp0 (a->note, b->note) != 0)
    return FALSE;
  if ((a->selected == NULL) != (b->selected == NULL)
      || (a->selected != NULL && !g_strv_equal ((const char * const *) a->selected,
                                                (const char * const *) b->selected)))
    return FALSE;
  if ((a->rows == NULL) != (b->rows == NULL))
    return FALSE;
  if (a->rows != NULL)
    {
      if (a->rows->len != b->rows->len)
        return FALSE;
      for (guint r = 0; r < a->rows->len; r++)
        {
          GaRow *ra = a->rows->pdata[r], *rb = b->rows->pdata[r];
          if (ra->n_cells != rb->n_cells)
            return FALSE;
          for (guint c = 0; c < ra->n_cells; c++)
            if (!values_identical (&ra->cells[c], &rb->cells[c]))
              return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Answer sets                                                              */

struct _GaAnswerSet {
  GHashTable *answers;   /* item id -> GaAnswer* */
};

GaAnswerSet *
ga_answer_set_new (void)
{
  GaAnswerSet *set = g_new0 (GaAnswerSet, 1);

  set->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) ga_answer_free);
  return set;
}

void
ga_answer_set_free (GaAnswerSet *set)
{
  if (set == NULL)
    return;
  g_hash_table_unref (set->answers);
  g_free (set);
}

GaAnswerSet *
ga_answer_set_copy (GaAnswerSet *set)
{
  GaAnswerSet *copy = ga_answer_set_new ();
  GHashTableIter iter;
  gpointer key, value;

  if (set == NULL)
    return copy;
  g_hash_table_iter_init (&iter, set->answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->answers, g_strdup (key), ga_answer_copy (value));
  return copy;
}

const GaAnswer *
ga_answer_set_get (GaAnswerSet *set,
                   const char  *item_id)
{
  g_return_val_if_fail (set != NULL, NULL);
  return item_id != NULL ? g_hash_table_lookup (set->answers, item_id) : NULL;
}

void
ga_answer_set_take (GaAnswerSet *set,
                    const char  *item_id,
                    GaAnswer    *answer)
{
  g_return_if_fail (set != NULL && item_id != NULL);
  if (answer == NULL)
    g_hash_table_remove (set->answers, item_id);
  else
    g_hash_table_replace (set->answers, g_strdup (item_id), answer);
}

guint
ga_answer_set_size (GaAnswerSet *set)
{
  return set != NULL ? g_hash_table_size (set->answers) : 0;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GPtrArray *
ga_answer_set_get_ids (GaAnswerSet *set)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return ids;
  g_hash_table_iter_init (&iter, set->answers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_ids);
  return ids;
}

/* The file must say which template it answers: answers given to the wrong
 * template would be checked against the wrong items (ids like A1 repeat
 * between templates). */
static void
check_answers_template (JsonObject *obj,
                        GaTemplate *tmpl,
                        GPtrArray  *problems)
{
  JsonNode *template_node = json_object_get_member (obj, "template");
  const char *id;

  if (template_node == NULL)
    {
      g_ptr_array_add (problems, g_strdup_printf ("$: missing required field 'template' (the id "
                                                  "of the template these answers are for; "
                                                  "here \"template\": \"%s\")",
                                                  ga_template_get_id (tmpl)));
      return;
    }
  id = ga_answer_node_string (template_node);
  if (id == NULL)
    g_ptr_array_add (problems, g_strdup_printf ("template: expected the template id as text, "
                                                "found %s",
                                                ga_answer_json_kind (template_node)));
  else if (!g_str_equal (id, ga_template_get_id (tmpl)))
    g_ptr_array_add (problems, g_strdup_printf ("template: these answers are for template "
                                                "'%s', but the template being evaluated is "
                                                "'%s'; use the answers with template '%s', or "
                                                "answer template '%s'", id,
                                                ga_template_get_id (tmpl), id,
                                                ga_template_get_id (tmpl)));
}

/* Each member of "answers", read against its item into @set. */
static void
read_answers (JsonObject  *obj,
              GaTemplate  *tmpl,
              GaAnswerSet *set,
              GPtrArray   *problems)
{
  JsonNode *answers_node = json_object_get_member (obj, "answers");
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (answers_node == NULL)
    {
      g_ptr_array_add (problems, g_strdup ("$: missing required field 'answers' (an object "
                                           "{\"item id\": answer, …})"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (answers_node))
    {
      g_ptr_array_add (problems, g_strdup_printf ("answers: expected an object {\"item id\": "
                                                  "answer, …}, found %s",
                                                  ga_answer_json_kind (answers_node)));
      return;
    }
  json_object_iter_init_ordered (&iter, json_node_get_object (answers_node));
  while (json_object_iter_next_ordered (&iter, &key, &value))
    {
      GaItem *item = ga_template_find_item (tmpl, key);
      g_autoptr(GError) local_error = NULL;
      GaAnswer *answer;

      if (item == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("answers.%s: unknown item '%s' in "
                                                      "template '%s'", key, key,
                                                      ga_template_get_id (tmpl)));
          continue;
        }
      answer = ga_answer_from_json (value, item, &local_error);
      if (answer == NULL)
        {
          g_ptr_array_add (problems, g_strdup_printf ("answers.%s: %s", key,
                                                      local_error->message));
          continue;
        }
      if (ga_answer_is_empty (answer) && answer->note == NULL)
        ga_answer_free (answer);
      else
        ga_answer_set_take (set, key, answer);
    }
}

GaAnswerSet *
ga_answer_set_new_from_json (JsonNode    *root,
                             GaTemplate  *tmpl,
                             GError     **error)
{
  g_autoptr(GaAnswerSet) set = ga_answer_set_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  JsonObject *obj;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  g_return_val_if_fail (tmpl != NULL, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "$: an answers file is an object {\"template\": …, \"answers\": {…}}, "
                   "found %s", ga_answer_json_kind (root));
      return NULL;
    }
  if (!ga_json_node_depth_ok (root, GA_JSON_MAX_DEPTH))
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID,
                   "$: the answers are nested more than %d levels (lists and objects inside "
                   "each other)", GA_JSON_MAX_DEPTH);
      return NULL;
    }
  obj = json_node_get_object (root);
  /* In file order, so that the problems read from top to bottom. */
  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &key, &value))
    if (!g_str_equal (key, "template") && !g_str_equal (key, "answers")
        && !g_str_equal (key, "version") && !g_str_equal (key, "content_hash") && key[0] != '_')
      g_ptr_array_add (problems, g_strdup_printf ("%s: unknown field '%s' (an answers file has "
                                                  "\"template\" and \"answers\")", key, key));
  check_answers_template (obj, tmpl, problems);
  read_answers (obj, tmpl, set, problems);

  if (problems->len > 0)
    {
      g_autofree char *message = NULL;
      ga_problems_sort (problems, root);
      g_ptr_array_add (problems, NULL);
      message = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_INVALID, message);
      return NULL;
    }
  return g_steal_pointer (&set);
}

/* Answers files are limited like templates: far above any real file. */
#define MAX_ANSWERS_BYTES (64 * 1024 * 1024)

GaAnswerSet *
ga_answer_set_new_from_file (const char  *path,
                             GaTemplate  *tmpl,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL && tmpl != NULL, NULL);

  /* Messages do not repeat @path: whoever shows them puts the file name in
   * front once ("answers.json: 2:9: …"), as for templates. */
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      const char *why = local_error->message;
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        why = "it does not exist";
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES))
        why = "permission denied";
      else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
        why = "it is a folder, not a file";
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE, "the file cannot be read: %s",
                   why);
      return NULL;
    }
  if (length > MAX_ANSWERS_BYTES)
    {
      g_set_error (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE,
                   "1:1: the file is %" G_GSIZE_FORMAT " bytes; answers files are limited to "
                   "%d MB", length, MAX_ANSWERS_BYTES / (1024 * 1024));
      return NULL;
    }
  parser = ga_json_parse_bounded (data, (gssize) length, GA_JSON_MAX_DEPTH, &local_error);
  if (parser == NULL)
    {
      if (g_error_matches (local_error, GA_JSON_ERROR, GA_JSON_ERROR_EMPTY))
        g_set_error_literal (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE,
                             "1:1: the file is empty; an answers file is a JSON object "
                             "{\"template\": …, \"answers\": {…}}");
      else
        g_set_error_literal (error, GA_ANSWER_ERROR, GA_ANSWER_ERROR_FILE,
                             local_error->message);
      return NULL;
    }
  return ga_answer_set_new_from_json (json_parser_get_root (parser), tmpl, error);
}

JsonNode *
ga_answer_set_to_json (GaAnswerSet *set,
                       GaTemplate  *tmpl)
{
  JsonObject *root = json_object_new ();
  JsonObject *answers = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  GPtrArray *items = ga_template_get_items (tmpl);

  json_object_set_string_member (root, "template", ga_template_get_id (tmpl));
  /* Items in template order, so that files diff well. */
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      const GaAnswer *answer = set != NULL ? ga_answer_set_get (set, item->id) : NULL;
      if (answer == NULL)
        continue;
      json_object_set_member (answers, item->id, ga_answer_to_json (answer, item));
    }
  json_object_set_object_member (root, "answers", answers);
  json_node_take_object (node, root);
  return node;
}
