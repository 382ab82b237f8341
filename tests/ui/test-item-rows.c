/* test-item-rows.c: item rows rebound as the list jumps show what new rows show
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row keeps the editors of the kinds it has shown and swaps them in when
 * it is bound to another item (ga-item-row-private.h). The list makes
 * about two hundred rows, so the checklist here is longer: a made-up
 * template of 600 items whose kinds follow one another (compliance,
 * number with and without N/A, yes/no, points, text, date, choices with
 * options of three different lists, multiple choices of two, computed).
 * The item list is drawn as it first opens; then it jumps to its last
 * item and back to its first, so that every row is bound to items of
 * other kinds and back. The list must then be drawn exactly as before,
 * pixel for pixel, and every row that exists must hold one editor, of its
 * own item's kind (the choices its own options), and the item's title.
 * The demo assessments (real templates mixing tables, computed items and
 * reference values) are checked the same way. Screenshots:
 * 40-rows-fresh-<template> and 41-rows-rebound-<template> in
 * build/tests/ui/screenshots/.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ga-application.h"
#include "ga-item-row.h"
#include "ga-store-engine.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"
#include "ga-workspace.h"

static GaSession *
open_demo (GaUiFixture *f,
           const char  *template_id)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GaSession *session;

  for (guint i = 0; i < assessments->len; i++)
    {
      GaAssessment *a = g_ptr_array_index (assessments, i);

      if (g_strcmp0 (a->template_id, template_id) == 0)
        {
          ga_window_open_assessment (f->window, a->id);
          break;
        }
    }
  session = ga_workspace_get_session (workspace);
  g_assert_nonnull (session);
  g_assert_cmpstr (ga_template_get_id (ga_session_get_template (session)), ==, template_id);
  return session;
}

#define N_MIXED 600

/* The made-up template: item i is of kind i % 12. */
static char *
mixed_template (void)
{
  GString *s = g_string_new (
      "{\"format\": 1, \"id\": \"item-rows-mixed\", \"version\": \"1.0.0\", "
      "\"kind\": \"custom\", \"title\": \"Mixed kinds\", \"standard\": {\"code\": \"TEST\"}, "
      "\"source\": \"test\", \"sections\": [{\"id\": \"S\", \"title\": \"All\", \"items\": [");

  for (guint i = 0; i < N_MIXED; i++)
    {
      const char *sep = i > 0 ? ", " : "";

      switch (i % 12)
        {
        case 0:
        case 6:
          g_string_append_printf (s,
                                  "%s{\"id\": \"C%u\", \"kind\": \"compliance\", \"title\": "
                                  "\"Requirement %u\", \"requirement\": \"The factory meets "
                                  "requirement %u.\", \"points\": 1, \"source\": \"t\"}",
                                  sep, i, i, i);
          break;
        case 1:
        case 7:
          g_string_append_printf (s,
                                  "%s{\"id\": \"N%u\", \"kind\": \"number\", \"title\": "
                                  "\"Indicator %u\", \"unit\": \"%s\", \"min\": 0, "
                                  "\"na_allowed\": %s, \"source\": \"t\"}",
                                  sep, i, i, i % 12 == 1 ? "t" : "kWh",
                                  i % 12 == 1 ? "true" : "false");
          break;
        case 2:
          g_string_append_printf (s,
                                  "%s{\"id\": \"Y%u\", \"kind\": \"yesno\", \"title\": "
                                  "\"Question %u\", \"points\": 2, \"source\": \"t\"}",
                                  sep, i, i);
          break;
        case 3:
          g_string_append_printf (s,
                                  "%s{\"id\": \"P%u\", \"kind\": \"points\", \"title\": "
                                  "\"Judgement %u\", \"points\": %u, \"source\": \"t\"}",
                                  sep, i, i, 2 + i % 5);
          break;
        case 4:
          g_string_append_printf (s,
                                  "%s{\"id\": \"T%u\", \"kind\": \"text\", \"title\": "
                                  "\"Description %u\", \"source\": \"t\"}",
                                  sep, i, i);
          break;
        case 5:
          g_string_append_printf (s,
                                  "%s{\"id\": \"D%u\", \"kind\": \"date\", \"title\": "
                                  "\"Date %u\", \"source\": \"t\"}",
                                  sep, i, i);
          break;
        case 8:
        case 9:
        case 10:
          {
            guint list = (i / 12) % 3;

            g_string_append_printf (s,
                                    "%s{\"id\": \"O%u\", \"kind\": \"choice\", \"title\": "
                                    "\"Choice %u\", \"source\": \"t\", \"options\": [",
                                    sep, i, i);
            for (guint k = 0; k < 2 + list; k++)
              g_string_append_printf (s,
                                      "%s{\"id\": \"o%u\", \"label\": \"Option %c%u\", "
                                      "\"points\": %u}",
                                      k > 0 ? ", " : "", k, 'A' + list + i % 12 - 8, k, k);
            g_string_append (s, "]}");
          }
          break;
        case 11:
        default:
          if ((i / 12) % 2 == 0)
            g_string_append_printf (s,
                                    "%s{\"id\": \"M%u\", \"kind\": \"multi\", \"title\": "
                                    "\"Several %u\", \"points\": 3, \"source\": \"t\", "
                                    "\"options\": [{\"id\": \"a\", \"label\": \"First %u\", "
                                    "\"points\": 1}, {\"id\": \"b\", \"label\": \"Second\", "
                                    "\"points\": 2}]}",
                                    sep, i, i, (i / 24) % 2);
          else
            g_string_append_printf (s,
                                    "%s{\"id\": \"V%u\", \"kind\": \"computed\", \"title\": "
                                    "\"Computed %u\", \"value\": \"1 + %u\", \"source\": \"t\"}",
                                    sep, i, i, i);
          break;
        }
    }
  g_string_append (s, "]}]}");
  return g_string_free (s, FALSE);
}

/* Opens a new assessment of the made-up template, with a few answers. */
static GaSession *
open_mixed (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autofree char *json = mixed_template ();
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) enterprises = NULL;
  GaSession *session;
  gint64 id;

  tmpl = ga_store_import_template (store, json, -1, "test-item-rows", &error);
  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  enterprises = ga_store_list_enterprises (store, NULL);
  g_assert_nonnull (enterprises);
  g_assert_cmpuint (enterprises->len, >, 0);
  id = ga_store_new_assessment (store, ((GaEnterpriseSummary *) enterprises->pdata[0])->enterprise->id, tmpl, NULL,
                                2025, NULL, &error);
  g_assert_no_error (error);
  ga_window_open_assessment (f->window, id);
  session = ga_workspace_get_session (ga_window_get_workspace (f->window));
  g_assert_nonnull (session);
  g_assert_cmpstr (ga_template_get_id (ga_session_get_template (session)), ==, "item-rows-mixed");

  /* Some answered, one not applicable, one with a note. */
  {
    const char *answers[][2] = { { "C0", "partial" }, { "N1", "12.5" }, { "Y2", "yes" },
                                 { "P3", "1.5" }, { "T4", "Kept in the archive" },
                                 { "D5", "2025-03-01" }, { "O8", "o1" } };
    GaTemplate *loaded = ga_session_get_template (session);

    for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
      {
        GaItem *item = ga_template_find_item (loaded, answers[i][0]);

        g_assert_nonnull (item);
        g_assert_true (ga_session_set_answer_text (session, item, answers[i][1], NULL, &error));
        g_assert_no_error (error);
      }
  }
  return session;
}

static GtkWidget *
find_by_class (GtkWidget  *root,
               const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (GA_IS_ITEM_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* How many widgets below @root are named @name. */
static guint
count_named (GtkWidget  *root,
             const char *name)
{
  guint n = g_strcmp0 (gtk_widget_get_name (root), name) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_named (child, name);
  return n;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* Every row that exists holds its own item's title and one editor, of
 * its item's kind. */
static void
check_rows (GtkWidget *list)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint checked = 0;

  collect_rows (list, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      GaItem *item = ga_item_row_get_item (rows->pdata[i]);
      gboolean entry, choices, table, dropdown;

      if (item == NULL)
        continue;
      entry = item->kind == GA_ITEM_NUMBER || item->kind == GA_ITEM_POINTS
              || item->kind == GA_ITEM_TEXT || item->kind == GA_ITEM_DATE;
      choices = item->kind == GA_ITEM_COMPLIANCE || item->kind == GA_ITEM_YESNO;
      table = item->kind == GA_ITEM_TABLE;
      dropdown = item->kind == GA_ITEM_CHOICE;
      g_assert_true (has_label (rows->pdata[i], ga_text_get (&item->title, NULL)));
      g_assert_cmpuint (count_named (rows->pdata[i], "answer-entry"), ==, entry);
      g_assert_cmpuint (count_named (rows->pdata[i], "choice-yes"), ==, choices);
      g_assert_cmpuint (count_named (rows->pdata[i], "choice-partial"), ==,
                        item->kind == GA_ITEM_COMPLIANCE);
      g_assert_cmpuint (count_named (rows->pdata[i], "edit-table"), ==, table);
      g_assert_cmpuint (ga_ui_test_find (rows->pdata[i], GTK_TYPE_DROP_DOWN, NULL) != NULL, ==,
                        dropdown);
      /* A choice offers its own options (after "Not answered"), a
       * multiple choice shows its own boxes. */
      if (dropdown)
        {
          GtkWidget *down = ga_ui_test_find (rows->pdata[i], GTK_TYPE_DROP_DOWN, NULL);
          GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (down));

          g_assert_cmpuint (g_list_model_get_n_items (model), ==, item->options->len + 1);
          for (guint k = 0; k < item->options->len; k++)
            g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), k + 1), ==,
                             ga_text_get (&((GaOption *) item->options->pdata[k])->label, NULL));
        }
      if (item->kind == GA_ITEM_MULTI)
        for (guint k = 0; k < item->options->len; k++)
          g_assert_true (has_label (rows->pdata[i],
                                    ga_text_get (&((GaOption *) item->options->pdata[k])->label,
                                                 NULL)));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* Whether the two drawings have the same size and the same pixels. */
static gboolean
same_pixels (GdkTexture *a,
             GdkTexture *b)
{
  int width = gdk_texture_get_width (a), height = gdk_texture_get_height (a);
  g_autofree guchar *pa = NULL, *pb = NULL;
  gsize stride = (gsize) width * 4;

  if (width != gdk_texture_get_width (b) || height != gdk_texture_get_height (b))
    return FALSE;
  pa = g_malloc (stride * height);
  pb = g_malloc (stride * height);
  gdk_texture_download (a, pa, stride);
  gdk_texture_download (b, pb, stride);
  return memcmp (pa, pb, stride * height) == 0;
}

static void
settle (GaUiFixture *f)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  ga_ui_test_spin (150);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
check_template (GaUiFixture *f,
                const char  *template_id)
{
  GaSession *session = template_id != NULL ? open_demo (f, template_id) : open_mixed (f);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  GPtrArray *items = ga_template_get_items (ga_session_get_template (session));
  GaItem *first = g_ptr_array_index (items, 0);
  GaItem *last = g_ptr_array_index (items, items->len - 1);
  GtkWidget *list = find_by_class (GTK_WIDGET (workspace), "ga-item-list");
  g_autoptr(GdkTexture) fresh = NULL;
  g_autoptr(GdkTexture) rebound = NULL;
  const char *name = template_id != NULL ? template_id : "mixed";
  g_autofree char *fresh_name = g_strdup_printf ("40-rows-fresh-%s", name);
  g_autofree char *rebound_name = g_strdup_printf ("41-rows-rebound-%s", name);

  g_assert_nonnull (list);
  settle (f);
  fresh = ga_ui_test_render (list);
  check_rows (list);
  g_free (ga_ui_test_save (fresh, fresh_name));

  /* To the end of the list and back: the rows are bound to other items. */
  ga_workspace_show_item (workspace, last->id);
  settle (f);
  check_rows (list);
  ga_workspace_show_item (workspace, first->id);
  settle (f);
  check_rows (list);
  rebound = ga_ui_test_render (list);
  g_free (ga_ui_test_save (rebound, rebound_name));
  g_assert_true (same_pixels (fresh, rebound));
}

static void
test_rebind (GaUiFixture  *f,
             gconstpointer data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_window_maximize (GTK_WINDOW (f->window));
  check_template (f, NULL);
  check_template (f, "gbt36132-2025");
  check_template (f, "energy-audit-gbt17166-2019");
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/item-rows/rebind", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_rebind, ga_ui_fixture_teardown);
  return g_test_run ();
}
