/* test-print.c: the self-evaluation report printed through GtkPrintOperation
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GaReportPrint exports the demo's reports (green factory, energy audit:
 * tables, a table of contents, charts) to a PDF file the way GTK prints
 * (GTK_PRINT_OPERATION_ACTION_EXPORT): on the default A4 page it has the
 * pages of ga_doc_write_pdf(), the same text on each and the same picture
 * when poppler renders them; on US Letter in landscape it lays the report
 * out again, and every footer counts the new pages. The last flow is the
 * user's: Print Report… in the workspace shows the pre-submission check,
 * then GTK's print dialog, which prints to a file.
 *
 * Each flow runs in a process of its own (tests/ui/meson.build).
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <gtk/gtkunixprint.h>
#include <glib/gi18n.h>

#include "ga-check-dialog.h"
#include "ga-report-builder.h"
#include "ga-report-print.h"
#include "ga-report-test-utils.h"
#include "ga-store-engine.h"
#include "ga-ui-fixture.h"
#include "ga-ui-test-utils.h"
#include "ga-workspace.h"

static char *tmpdir;

/* ------------------------------------------------------------------ helpers */

static GaSession *
open_demo (GaStore        *store,
           GaTemplateKind  kind)
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

static GaDoc *
demo_report (GaTemplateKind kind)
{
  static guint n_stores;
  g_autofree char *name = g_strdup_printf ("demo-%u.db", n_stores++);
  g_autofree char *db = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaStore) store = ga_store_open (db, &error);
  g_autoptr(GaSession) session = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 0, 0);
  GaDoc *doc;

  g_assert_no_error (error);
  g_assert_true (ga_store_create_demo (store, &error));
  g_assert_no_error (error);
  session = open_demo (store, kind);
  doc = ga_report_build (session, "zh_CN", date, &error);
  g_assert_no_error (error);
  return doc;
}

/* Prints @doc to the PDF @path as GTK does, on @setup (NULL: the
 * operation's default page); returns the number of pages laid out. */
static guint
export (GaDoc        *doc,
        GtkPageSetup *setup,
        const char   *path)
{
  g_autoptr(GaReportPrint) operation = ga_report_print_new (doc);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  return ga_report_print_get_n_pages (operation);
}

/* Pixels that differ (by more than a little, any channel) between two
 * renderings of the same size. */
static guint
count_differences (const char *a_path,
                   const char *b_path)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (a_path);
  cairo_surface_t *b = cairo_image_surface_create_from_png (b_path);
  int w = cairo_image_surface_get_width (a);
  int h = cairo_image_surface_get_height (a);
  guint n = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *pa = cairo_image_surface_get_data (a)
                           + y * cairo_image_surface_get_stride (a) + 4 * x;
        const guint8 *pb = cairo_image_surface_get_data (b)
                           + y * cairo_image_surface_get_stride (b) + 4 * x;

        for (int c = 0; c < 3; c++)
          if (ABS ((int) pa[c] - (int) pb[c]) > 24)
            {
              n++;
              break;
            }
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return n;
}

/* ------------------------------------------------------------------ flows */

static void
check_same_as_pdf (GaTemplateKind  kind,
                   const char     *name)
{
  g_autoptr(GaDoc) doc = demo_report (kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *written_name = g_strdup_printf ("%s-written.pdf", name);
  g_autofree char *printed_name = g_strdup_printf ("%s-printed.pdf", name);
  g_autofree char *written = g_build_filename (tmpdir, written_name, NULL);
  g_autofree char *printed = g_build_filename (tmpdir, printed_name, NULL);
  guint n, n_printed;

  g_assert_true (ga_doc_write_pdf (doc, written, &error));
  g_assert_no_error (error);
  n_printed = export (doc, NULL, printed);
  ga_report_test_keep (written, written_name);
  ga_report_test_keep (printed, printed_name);
  if (!ga_report_test_have_tool ("pdfinfo") || !ga_report_test_have_tool ("pdftotext")
      || !ga_report_test_have_tool ("pdftoppm"))
    return;

  n = ga_report_test_pdf_n_pages (written);
  g_test_message ("%s: %u pages", name, n);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (ga_report_test_pdf_n_pages (printed), ==, n);
  g_assert_cmpuint (n_printed, ==, n);
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *ours = ga_report_test_pdf_text (printed, p);
      g_autofree char *theirs = ga_report_test_pdf_text (written, p);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      guint differ;

      g_assert_cmpstr (ours, ==, theirs);
      /* The same picture: text, rules, shading and charts in place. */
      a = ga_report_test_pdf_render (written, p, 40, tmpdir);
      b = ga_report_test_pdf_render (printed, p, 40, tmpdir);
      differ = count_differences (a, b);
      if (differ > 0)
        g_test_message ("page %u: %u pixels differ", p, differ);
      g_assert_cmpuint (differ, <, 50);
    }
}

static void
test_same_as_pdf (void)
{
  check_same_as_pdf (GA_TEMPLATE_KIND_GREEN_FACTORY, "green-factory");
  check_same_as_pdf (GA_TEMPLATE_KIND_ENERGY_AUDIT, "energy-audit");
}

/* The paper the dialog chose: US Letter, landscape, with the paper's own
 * narrow margins (the report keeps its own). */
static void
test_other_paper (void)
{
  g_autoptr(GaDoc) doc = demo_report (GA_TEMPLATE_KIND_GREEN_FACTORY);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *written = g_build_filename (tmpdir, "a4.pdf", NULL);
  g_autofree char *printed = g_build_filename (tmpdir, "letter.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  guint n;

  gtk_page_setup_set_paper_size_and_default_margins (setup, letter);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_true (ga_doc_write_pdf (doc, written, &error));
  n = export (doc, setup, printed);
  ga_report_test_keep (printed, "letter-landscape-printed.pdf");
  if (!ga_report_test_have_tool ("pdfinfo") || !ga_report_test_have_tool ("pdftotext"))
    return;

  g_test_message ("%u pages on Letter landscape, %u on A4", n,
                  ga_report_test_pdf_n_pages (written));
  g_assert_cmpuint (n, !=, ga_report_test_pdf_n_pages (written));
  g_assert_cmpuint (ga_report_test_pdf_n_pages (printed), ==, n);
  {
    const char *argv[] = { "pdfinfo", printed, NULL };

    info = ga_report_test_run (argv);
    g_assert_nonnull (strstr (info, "792 x 612 pts"));
  }
  for (guint p = 1; p <= n; p++)
    {
      g_autofree char *text = ga_report_test_pdf_text (printed, p);
      g_autofree char *footer = g_strdup_printf ("第%u页共%u页", p, n);

      g_assert_nonnull (strstr (text, footer));
    }
  {
    g_autofree char *text = ga_report_test_pdf_text (printed, 0);

    g_assert_nonnull (strstr (text, "图1各部分得分与满分"));
  }
}

/* Paper with no room for the report's margins: printing stops and says
 * why. */
static void
test_too_small (void)
{
  g_autoptr(GaDoc) doc = demo_report (GA_TEMPLATE_KIND_GREEN_FACTORY);
  g_autoptr(GaReportPrint) operation = ga_report_print_new (doc);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) card = gtk_paper_size_new_custom ("card", "Card", 60, 90,
                                                            GTK_UNIT_MM);
  g_autofree char *path = g_build_filename (tmpdir, "card.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size_and_default_margins (setup, card);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_error (ga_report_print_get_error (operation), GA_DOC_ERROR, GA_DOC_ERROR_INVALID);
  g_assert_cmpuint (ga_report_print_get_n_pages (operation), ==, 0);
}

static gboolean
file_printer_cb (GtkPrinter *printer,
                 gpointer    data)
{
  char **name = data;

  /* The printer of the "file" backend, whatever the language calls it. */
  if (gtk_printer_is_virtual (printer) && gtk_printer_accepts_pdf (printer) && *name == NULL)
    *name = g_strdup (gtk_printer_get_name (printer));
  return *name != NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return GTK_BUTTON (child);
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Print Report… in the workspace: the check first, then GTK's print
 * dialog, which prints to a file. */
static void
test_dialog (GaUiFixture   *f,
             gconstpointer  data)
{
  GaStore *store = ga_application_get_store (f->app);
  GaWorkspace *workspace = ga_window_get_workspace (f->window);
  g_autoptr(GaSession) session = open_demo (store, GA_TEMPLATE_KIND_GREEN_FACTORY);
  g_autofree char *path = g_build_filename (f->dir, "dialog.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *reference = g_build_filename (f->dir, "reference.pdf", NULL);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GaDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *check;
  GtkWindow *dialog;
  GtkPrinter *printer = NULL;
  g_autofree char *file_printer = NULL;
  guint n = 0;

  ga_window_open_assessment (f->window, ga_session_get_id (session));
  g_assert_cmpstr (ga_window_get_page (f->window), ==, "assessment");

  /* The entry in the workspace's menu. */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (ga_ui_get (GTK_WIDGET (workspace),
                                                      GTK_TYPE_MENU_BUTTON, NULL));

    gtk_menu_button_popup (menu);
    ga_ui_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "29-print-menu");
    gtk_menu_button_popdown (menu);
  }

  /* The demo has findings: the check comes first. */
  gtk_widget_activate_action (GTK_WIDGET (workspace), "ws.print-report", NULL);
  check = ga_ui_wait_for_toplevel (GA_TYPE_CHECK_DIALOG);
  g_assert_nonnull (check);
  g_assert_cmpuint (ga_check_dialog_get_n_findings (GA_CHECK_DIALOG (check)), >, 0);
  ga_ui_screenshot (GTK_WIDGET (check), "29-print-check");
  g_signal_emit_by_name (find_button (GTK_WIDGET (check), _("_Print Anyway…")), "clicked");
  ga_ui_wait_until_gone (GA_TYPE_CHECK_DIALOG);

  dialog = ga_ui_wait_for_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
  g_assert_nonnull (dialog);
  /* The printer that writes a file, to a file of the test's. */
  gtk_enumerate_printers (file_printer_cb, &file_printer, NULL, TRUE);
  g_assert_nonnull (file_printer);
  gtk_print_settings_set_printer (settings, file_printer);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  for (int i = 0; i < 500 && printer == NULL; i++)
    {
      GtkPrinter *selected = gtk_print_unix_dialog_get_selected_printer (
          GTK_PRINT_UNIX_DIALOG (dialog));

      if (selected != NULL && g_strcmp0 (gtk_printer_get_name (selected), file_printer) == 0)
        printer = selected;
      else
        ga_ui_test_spin (20);
    }
  g_assert_nonnull (printer);
  ga_ui_screenshot (GTK_WIDGET (dialog), "30-print-dialog");
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* The file is complete when poppler reads all its pages. */
  doc = ga_report_build (ga_workspace_get_session (workspace), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ga_doc_write_pdf (doc, reference, &error));
  if (!ga_report_test_have_tool ("pdfinfo"))
    return;
  for (int i = 0; i < 300; i++)
    {
      ga_ui_test_spin (50);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          const char *argv[] = { "pdfinfo", path, NULL };
          g_autofree char *out = NULL;
          int status = 0;

          if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                            | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL)
              && g_spawn_check_wait_status (status, NULL))
            {
              n = ga_report_test_pdf_n_pages (path);
              break;
            }
        }
    }
  g_assert_cmpuint (n, ==, ga_report_test_pdf_n_pages (reference));
  ga_report_test_keep (path, "dialog-printed.pdf");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ga_ui_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("ga-print-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ga/ui/print/same-as-pdf", test_same_as_pdf);
  g_test_add_func ("/ga/ui/print/other-paper", test_other_paper);
  g_test_add_func ("/ga/ui/print/too-small", test_too_small);
  g_test_add ("/ga/ui/print/dialog", GaUiFixture, GINT_TO_POINTER (TRUE),
              ga_ui_fixture_setup, test_dialog, ga_ui_fixture_teardown);

  status = g_test_run ();
  ga_report_test_rm_rf (tmpdir);
  g_free (tmpdir);
  return status;
}
