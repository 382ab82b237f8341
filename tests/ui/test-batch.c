/* test-batch.c: a batch of self-evaluation reports written into a folder
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the demo database, one assessment gets a PDF and a text file as
 * evidence. The batch writes every assessment's report as PDF with the
 * evidence merged, as PDF, and as Word (the function the dialog calls);
 * a cancelled batch writes nothing. Then the dialog itself: Export to
 * Folder, the choice "Reports with the evidence merged (PDF)", a folder,
 * Export; the reports appear and the toast says how many and what was not
 * merged. A program of its own, one flow per process, as the other UI
 * flows.
 */
#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "ga-batch-export.h"
#include "ga-store-engine.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-window.h"

typedef struct {
  gboolean  done;
  guint     written;
  guint     failures;
  char     *first_error;
  GStrv     notes;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_pointer (&outcome->first_error, g_free);
  g_clear_pointer (&outcome->notes, g_strfreev);
  outcome->done = FALSE;
  outcome->written = 0;
  outcome->failures = 0;
}

static void
batch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(GError) error = NULL;

  outcome->written = ga_batch_report_finish (result, &outcome->failures, &outcome->first_error,
                                             &outcome->notes, &error);
  g_assert_no_error (error);
  outcome->done = TRUE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PDF of two pages with a word on each. */
static GBytes *
two_page_pdf (void)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, 595.3,
                                                                  841.9);
  cairo_t *cr = cairo_create (surface);

  cairo_set_font_size (cr, 24);
  cairo_move_to (cr, 100, 200);
  cairo_show_text (cr, "BATCH EVIDENCE ONE");
  cairo_show_page (cr);
  cairo_move_to (cr, 100, 200);
  cairo_show_text (cr, "BATCH EVIDENCE TWO");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* Every assessment's id; the first gets the evidence. */
static GArray *
prepare (GaUiFixture *f)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GPtrArray) assessments = ga_store_list_assessments (store, 0, NULL);
  g_autoptr(GaTemplate) tmpl = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = two_page_pdf ();
  g_autoptr(GBytes) txt = g_bytes_new_static ("说明\n", 7);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GaAssessment *first;
  const char *item;

  g_assert_nonnull (assessments);
  g_assert_cmpuint (assessments->len, >, 0);
  for (guint i = 0; i < assessments->len; i++)
    g_array_append_val (ids, ((GaAssessment *) assessments->pdata[i])->id);
  first = assessments->pdata[0];
  tmpl = ga_store_load_template (store, first->id, &error);
  g_assert_no_error (error);
  item = ((GaItem *) g_ptr_array_index (ga_template_get_items (tmpl), 0))->id;
  g_assert_cmpint (ga_store_add_evidence_bytes (store, first->id, item, "营业执照.pdf", pdf,
                                                &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (ga_store_add_evidence_bytes (store, first->id, item, "说明.txt", txt,
                                                &error), >, 0);
  g_assert_no_error (error);
  return ids;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The files in @dir, sorted. */
static GPtrArray *
list_dir (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static gboolean
starts_with (const char *path,
             const char *magic)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return len >= strlen (magic) && memcmp (contents, magic, strlen (magic)) == 0;
}

/* pdfinfo's page count, or 0 without pdfinfo. */
static guint
pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status = 0;

  if (program == NULL)
    return 0;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               NULL));
  line = strstr (out, "\nPages:");
  g_assert_nonnull (line);
  line += strlen ("\nPages:");
  return (guint) g_ascii_strtoull (line + strspn (line, " "), NULL, 10);
}

static void
run_batch (GaStore        *store,
           GArray         *ids,
           const char     *dir,
           GaReportFormat  format,
           gboolean        with_evidence,
           GCancellable   *cancellable,
           Outcome        *outcome)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  outcome_clear (outcome);
  ga_batch_report_to_folder (store, ids, folder, format, with_evidence, cancellable,
                             batch_done_cb, outcome);
  g_assert_true (ga_ui_test_wait_for (&outcome->done, 120000));
}

/* PDF with the evidence, PDF, Word: one file per assessment, named like
 * the workbooks; the evidence is in the first one's PDF and the text file
 * is named in the notes. Cancelled: nothing written. */
static void
test_reports (GaUiFixture   *f,
              gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GArray) ids = prepare (f);
  g_autofree char *merged_dir = g_build_filename (f->dir, "merged", NULL);
  g_autofree char *pdf_dir = g_build_filename (f->dir, "pdf", NULL);
  g_autofree char *docx_dir = g_build_filename (f->dir, "docx", NULL);
  g_autofree char *none_dir = g_build_filename (f->dir, "cancelled", NULL);
  g_autoptr(GPtrArray) merged = NULL;
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) docx = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  Outcome outcome = { 0 };
  guint more = 0;

  run_batch (store, ids, merged_dir, GA_REPORT_FORMAT_PDF, TRUE, NULL, &outcome);
  g_assert_cmpuint (outcome.failures, ==, 0);
  g_assert_cmpuint (outcome.written, ==, ids->len);
  g_assert_nonnull (outcome.notes);
  g_assert_cmpuint (g_strv_length (outcome.notes), ==, 1);
  g_assert_nonnull (strstr (outcome.notes[0], "说明.txt"));

  run_batch (store, ids, pdf_dir, GA_REPORT_FORMAT_PDF, FALSE, NULL, &outcome);
  g_assert_cmpuint (outcome.written, ==, ids->len);
  g_assert_cmpuint (g_strv_length (outcome.notes), ==, 0);
  run_batch (store, ids, docx_dir, GA_REPORT_FORMAT_DOCX, FALSE, NULL, &outcome);
  g_assert_cmpuint (outcome.written, ==, ids->len);

  merged = list_dir (merged_dir);
  plain = list_dir (pdf_dir);
  docx = list_dir (docx_dir);
  g_assert_cmpuint (merged->len, ==, ids->len);
  g_assert_cmpuint (plain->len, ==, ids->len);
  g_assert_cmpuint (docx->len, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *m = g_build_filename (merged_dir, merged->pdata[i], NULL);
      g_autofree char *p = g_build_filename (pdf_dir, plain->pdata[i], NULL);
      g_autofree char *d = g_build_filename (docx_dir, docx->pdata[i], NULL);
      guint merged_pages = pdf_pages (m), plain_pages = pdf_pages (p);

      g_assert_true (g_str_has_suffix (m, ".pdf"));
      g_assert_true (g_str_has_suffix (d, ".docx"));
      g_assert_true (starts_with (m, "%PDF-"));
      g_assert_true (starts_with (p, "%PDF-"));
      g_assert_true (starts_with (d, "PK"));
      /* Same names, other suffix. */
      g_assert_cmpint (strncmp (merged->pdata[i], docx->pdata[i],
                                strlen (merged->pdata[i]) - 4), ==, 0);
      /* The assessment with evidence: a separator and two pages more. */
      if (merged_pages > plain_pages)
        {
          g_assert_cmpuint (merged_pages, ==, plain_pages + 1 + 2);
          more++;
        }
      else
        g_assert_cmpuint (merged_pages, ==, plain_pages);
    }
  if (pdfinfo == NULL)
    g_test_message ("pdfinfo is not installed: page counts not checked");
  else
    g_assert_cmpuint (more, ==, 1);

  g_cancellable_cancel (cancellable);
  run_batch (store, ids, none_dir, GA_REPORT_FORMAT_PDF, TRUE, cancellable, &outcome);
  g_assert_cmpuint (outcome.written, ==, 0);
  g_assert_cmpuint (outcome.failures, ==, 0);
  none = list_dir (none_dir);
  g_assert_cmpuint (none->len, ==, 0);
  outcome_clear (&outcome);
}

/* The drop-down of the chooser's four outputs. */
static GtkDropDown *
find_choice (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget) && gtk_drop_down_get_model (GTK_DROP_DOWN (widget)) != NULL
      && g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))) == 4)
    return GTK_DROP_DOWN (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_choice (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The file chooser of Export to Folder offers the reports. */
static void
test_dialog (GaUiFixture   *f,
             gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  g_autoptr(GArray) ids = prepare (f);
  g_autofree char *dir = g_build_filename (f->dir, "chosen", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = NULL;
  AdwToastOverlay *overlay;
  GtkDropDown *choice;
  GtkWindow *chooser;
  gint64 start;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  overlay = ADW_TOAST_OVERLAY (ga_ui_get (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY, NULL));
  ga_batch_export_run (GTK_WINDOW (f->window), store, 0, overlay);
  chooser = ga_ui_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, _("Export to Folder"));
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "output"), ==,
                   "workbooks");
  /* As a user picks it: the third entry of the drop-down with the four
   * choices. */
  choice = find_choice (GTK_WIDGET (chooser));
  g_assert_nonnull (choice);
  gtk_drop_down_set_selected (choice, 2);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "output"), ==,
                   "reports-pdf-evidence");
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder,
                                                      &error));
  g_assert_no_error (error);
  ga_ui_test_spin (200);
  ga_ui_screenshot (GTK_WIDGET (chooser), "20-batch-reports-chooser");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* The reports appear one by one; then the toast that counts them. */
  start = g_get_monotonic_time ();
  do
    {
      g_clear_pointer (&written, g_ptr_array_unref);
      ga_ui_test_spin (100);
      written = list_dir (dir);
    }
  while ((written->len < ids->len || ga_ui_test_find (GTK_WIDGET (overlay), GTK_TYPE_PROGRESS_BAR,
                                                      NULL) != NULL)
         && g_get_monotonic_time () - start < 120 * G_USEC_PER_SEC);
  g_assert_cmpuint (written->len, ==, ids->len);
  for (guint i = 0; i < written->len; i++)
    g_assert_true (g_str_has_suffix (written->pdata[i], ".pdf"));
  ga_ui_test_spin (300);
  ga_ui_screenshot (GTK_WIDGET (f->window), "21-batch-reports-done");
}

int
main (int   argc,
      char *argv[])
{
  ga_ui_test_init (&argc, &argv);

  g_test_add ("/ga/ui/batch/reports", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_reports, ga_ui_fixture_teardown);
  g_test_add ("/ga/ui/batch/dialog", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_dialog, ga_ui_fixture_teardown);
  return g_test_run ();
}
